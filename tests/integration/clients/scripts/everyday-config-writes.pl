# The configuration writes of an everyday JIRA::REST 0.023 script (filters and favourites, versions,
# components, groups and members), which the admin REST branch (issue 19) implements. Run by
# tests/integration/clients/jira-rest-perl-config-writes.test.ts; prints one JSON object.
use strict;
use warnings;
use JIRA::REST;
use JSON::PP;

my $jira = JIRA::REST->new({ url => $ENV{JIRA_URL}, username => $ENV{JIRA_EMAIL}, password => $ENV{JIRA_TOKEN} });
my $admin = JIRA::REST->new({ url => $ENV{JIRA_URL}, username => $ENV{JIRA_ADMIN_EMAIL}, password => $ENV{JIRA_ADMIN_TOKEN} });
my %out;
my $names = sub { [map { $_->{name} } @{ $_[0] }] };

my $f = $jira->POST('/filter', undef, { name => 'My open bugs', jql => 'project = ACME AND status != Done', favourite => JSON::PP::true });
$jira->PUT("/filter/$f->{id}", undef, { name => 'My open bugs (ACME)', jql => 'project = ACME AND status != Done ORDER BY key' });
my $got = $jira->GET("/filter/$f->{id}");
$out{filter} = { name => $got->{name}, favourite => $got->{favourite}, favourites => $names->($jira->GET('/filter/favourite')) };
$jira->DELETE("/filter/$f->{id}");
$out{filter}{'after delete'} = $names->($jira->GET('/filter/favourite'));

my $project = $admin->GET('/project/ACME');
my $v = $admin->POST('/version', undef, { name => '3.0', projectId => $project->{id} + 0, description => 'next' });
$admin->PUT("/version/$v->{id}", undef, { released => JSON::PP::true, releaseDate => '2025-06-01' });
$admin->PUT("/version/$v->{id}", undef, { archived => JSON::PP::true });
my $version = $admin->GET("/version/$v->{id}");
$out{version} = { released => $version->{released}, archived => $version->{archived} };
$admin->DELETE("/version/$v->{id}");
$out{version}{'after delete'} = $names->($admin->GET('/project/ACME/versions'));

my $c = $admin->POST('/component', undef, { name => 'Payments', project => 'ACME', description => 'money', leadAccountId => 'u-bob' });
$admin->PUT("/component/$c->{id}", undef, { name => 'Payments & Billing' });
$out{component} = $admin->GET("/component/$c->{id}")->{name};
$admin->DELETE("/component/$c->{id}");
$out{'component after delete'} = $names->($admin->GET('/project/ACME/components'));

$admin->POST('/group', undef, { name => 'release-managers' });
$admin->POST('/group/user', { groupname => 'release-managers' }, { accountId => 'u-bob' });
$out{group} = [sort map { $_->{accountId} } @{ $admin->GET('/group/member', { groupname => 'release-managers' })->{values} }];
$admin->DELETE('/group/user', { groupname => 'release-managers', accountId => 'u-bob' });
$admin->DELETE('/group', { groupname => 'release-managers' });
$out{'groups after'} = $names->($admin->GET('/groups/picker', { query => 'release-managers' })->{groups});

print JSON::PP->new->canonical->encode(\%out);
