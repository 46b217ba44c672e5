# An everyday script written with JIRA::REST 0.023 (Debian's libjira-rest-perl), unmodified: its
# default API prefix is /rest/api/latest. Run by tests/integration/clients/jira-rest-perl.test.ts
# with JIRA_URL, JIRA_EMAIL, JIRA_TOKEN (a developer), JIRA_ADMIN_EMAIL, JIRA_ADMIN_TOKEN.
# Prints one JSON object: what each step saw.
use strict;
use warnings;
use File::Temp qw(tempdir);
use JIRA::REST;
use JSON::PP;

my $jira = JIRA::REST->new({ url => $ENV{JIRA_URL}, username => $ENV{JIRA_EMAIL}, password => $ENV{JIRA_TOKEN} });
my $admin = JIRA::REST->new({ url => $ENV{JIRA_URL}, username => $ENV{JIRA_ADMIN_EMAIL}, password => $ENV{JIRA_ADMIN_TOKEN} });
my %out;

my $me = $jira->GET('/myself')->{accountId};
$out{connect} = { deploymentType => $jira->GET('/serverInfo')->{deploymentType}, me => $me };

$jira->set_search_iterator({ jql => 'project = ACME ORDER BY key ASC', maxResults => 3, fields => ['summary'] });
my @keys;
while (my $issue = $jira->next_issue) { push @keys, $issue->{key} }
$out{search} = { total => scalar(@keys), pages => [[@keys[0 .. 2]], [@keys[3 .. 5]]] };

my $got = $jira->GET('/issue/ACME-3', { expand => 'changelog,names' });
$out{get} = { key => $got->{key}, histories => scalar(@{ $got->{changelog}{histories} }), hasNames => (exists $got->{names}{summary} ? JSON::PP::true : JSON::PP::false) };

my $meta = $jira->GET('/issue/createmeta', { projectKeys => 'ACME', issuetypeNames => 'Task', expand => 'projects.issuetypes.fields' });
my $fields = $meta->{projects}[0]{issuetypes}[0]{fields};
$out{createmeta} = { required => [sort grep { $fields->{$_}{required} } keys %$fields] };

my $key = $jira->POST('/issue', undef, { fields => { project => { key => 'ACME' }, issuetype => { name => 'Task' }, summary => 'Filed by JIRA::REST' } })->{key};
$jira->PUT("/issue/$key", undef, { fields => { summary => 'Edited by JIRA::REST' } });
$out{create} = { key => $key, summary => $jira->GET("/issue/$key")->{fields}{summary} };

my $comment = $jira->POST("/issue/$key/comment", undef, { body => 'first words' });
$jira->PUT("/issue/$key/comment/$comment->{id}", undef, { body => 'second words' });
my $seen = $jira->GET("/issue/$key/comment/$comment->{id}")->{body};
$jira->DELETE("/issue/$key/comment/$comment->{id}");
$out{comment} = { seen => $seen, after => [map { $_->{id} } @{ $jira->GET("/issue/$key/comment")->{comments} }] };

my ($start) = grep { $_->{name} eq 'Start Progress' } @{ $jira->GET("/issue/$key/transitions")->{transitions} };
$jira->POST("/issue/$key/transitions", undef, { transition => { id => $start->{id} } });
$jira->PUT("/issue/$key/assignee", undef, { accountId => 'u-bob' });
my $done = $jira->GET("/issue/$key");
$out{transition} = { status => $done->{fields}{status}{name}, assignee => $done->{fields}{assignee}{accountId} };

$jira->POST("/issue/$key/watchers", undef, $me);
my $watching = $jira->GET("/issue/$key/watchers")->{watchCount};
$jira->DELETE("/issue/$key/watchers", { accountId => $me });
$out{watchers} = { 'after add' => $watching, 'after remove' => $jira->GET("/issue/$key/watchers")->{watchCount} };

$jira->POST('/issueLink', undef, { type => { name => 'Blocks' }, inwardIssue => { key => $key }, outwardIssue => { key => 'ACME-2' } });
my @mine = grep { $_->{outwardIssue} && $_->{outwardIssue}{key} eq $key } @{ $jira->GET('/issue/ACME-2')->{fields}{issuelinks} };
my @made = map { $_->{type}{name} } @mine;
$jira->DELETE("/issueLink/$_->{id}") for @mine;
my $left = grep { $_->{outwardIssue} && $_->{outwardIssue}{key} eq $key } @{ $jira->GET('/issue/ACME-2')->{fields}{issuelinks} };
$out{links} = { made => \@made, left => $left + 0 };

my $dir = tempdir(CLEANUP => 1);
open(my $fh, '>', "$dir/build.log") or die; print $fh "build 42 passed\n"; close $fh;
chdir $dir;
$jira->attach_files($key, 'build.log');
my ($att) = @{ $jira->GET("/issue/$key")->{fields}{attachment} };
$jira->rest_client->GET($att->{content});
my $content = $jira->rest_client->responseContent;
my @listed = map { $_->{filename} } @{ $jira->GET("/issue/$key")->{fields}{attachment} };
$jira->DELETE("/attachment/$att->{id}");
$out{attachments} = { size => $att->{size}, content => $content, listed => \@listed, after => scalar(@{ $jira->GET("/issue/$key")->{fields}{attachment} }) };

my $w = $jira->POST("/issue/$key/worklog", undef, { timeSpent => '1h 30m', comment => 'pairing' });
my @logged = map { [$_->{timeSpent}, $_->{comment}] } @{ $jira->GET("/issue/$key/worklog")->{worklogs} };
$jira->DELETE("/issue/$key/worklog/$w->{id}");
$out{worklogs} = { logged => \@logged, after => scalar(@{ $jira->GET("/issue/$key/worklog")->{worklogs} }), field => $jira->GET("/issue/$key")->{fields}{worklog}{total} };

$jira->POST("/issue/$key/remotelink", undef, { object => { url => 'https://ci.example/42', title => 'Build 42' } });
$out{remote} = [map { $_->{object}{title} } @{ $jira->GET("/issue/$key/remotelink") }];

$jira->POST('/issue/ACME-2/votes', undef, {});
$out{votes} = $jira->GET('/issue/ACME-2/votes')->{votes};

$out{filters} = { jql => $jira->GET('/filter/10100')->{jql}, favourites => [map { $_->{name} } @{ $jira->GET('/filter/favourite') }] };
$out{boards} = [map { $_->{name} } @{ $jira->GET('/rest/agile/1.0/board')->{values} }];
$out{versions} = { one => $jira->GET('/version/ver-1')->{name}, all => [map { $_->{name} } @{ $jira->GET('/project/ACME/versions') }], component => $jira->GET('/component/cmp-1')->{name} };
$out{group} = [sort map { $_->{accountId} } @{ $admin->GET('/group', { groupname => 'developers', expand => 'users' })->{users}{items} }];
my $perms = $jira->GET('/mypermissions', { projectKey => 'ACME', permissions => 'CREATE_ATTACHMENTS,DELETE_ALL_ATTACHMENTS,WORK_ON_ISSUES' })->{permissions};
$out{permissions} = { map { $_ => $perms->{$_}{havePermission} } keys %$perms };

eval { $jira->GET('/issue/ACME-999'); 1 } or do {
  my ($code) = $@ =~ /Error\[(\d+)/;
  $out{error} = { status => $code + 0, text => "$@" };
};

print JSON::PP->new->canonical->encode(\%out);
