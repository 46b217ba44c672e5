# An everyday script written with jira-ruby 2.1.5 (Debian's ruby-jira), unmodified.
# Run by tests/integration/clients/jira-ruby.test.ts with JIRA_URL, JIRA_EMAIL, JIRA_TOKEN (a
# developer), JIRA_ADMIN_EMAIL, JIRA_ADMIN_TOKEN. Prints one JSON object: what each step saw.
require 'jira-ruby'
require 'json'
require 'tempfile'

def connect(email, token)
  JIRA::Client.new(username: email, password: token, site: ENV['JIRA_URL'], context_path: '', auth_type: :basic, use_ssl: false, read_timeout: 30)
end

jira = connect(ENV['JIRA_EMAIL'], ENV['JIRA_TOKEN'])
out = {}
me = JSON.parse(jira.get('/rest/api/2/myself').body)['accountId']
out['connect'] = { 'deploymentType' => jira.ServerInfo.all.deploymentType, 'me' => me }

jql = 'project = ACME ORDER BY key ASC'
pages = [0, 3].map { |at| jira.Issue.jql(jql, start_at: at, max_results: 3, fields: ['summary']).map(&:key) }
out['search'] = { 'total' => jira.Issue.jql(jql, max_results: 0), 'pages' => pages }

got = jira.Issue.find('ACME-3', expand: 'changelog,names')
out['get'] = { 'key' => got.key, 'histories' => got.changelog['histories'].length, 'hasNames' => got.attrs['names'].key?('summary') }

meta = jira.Createmeta.all(projectKeys: 'ACME', issuetypeNames: 'Task', expand: 'projects.issuetypes.fields')
fields = meta.first.attrs['issuetypes'].first['fields']
out['createmeta'] = { 'required' => fields.select { |_k, v| v['required'] }.keys.sort }

issue = jira.Issue.build
issue.save!('fields' => { 'project' => { 'key' => 'ACME' }, 'issuetype' => { 'name' => 'Task' }, 'summary' => 'Filed by jira-ruby' })
issue.fetch
issue.save!('fields' => { 'summary' => 'Edited by jira-ruby' })
key = issue.key
out['create'] = { 'key' => key, 'summary' => jira.Issue.find(key).summary }

comment = issue.comments.build
comment.save!(body: 'first words')
comment.save!(body: 'second words')
seen = JSON.parse(jira.get("/rest/api/2/issue/#{key}/comment/#{comment.id}").body)['body']
comment.delete
out['comment'] = { 'seen' => seen, 'after' => jira.Issue.find(key).comments.map(&:id) }

start = issue.transitions.all.find { |t| t.name == 'Start Progress' }
issue.transitions.build.save!('transition' => { 'id' => start.id })
jira.put("/rest/api/2/issue/#{key}/assignee", { accountId: 'u-bob' }.to_json)
done = jira.Issue.find(key)
out['transition'] = { 'status' => done.status.name, 'assignee' => done.assignee.accountId }

issue.watchers.build.save!(me)
watching = jira.Issue.find(key).attrs['fields']['watches']['watchCount']
jira.delete("/rest/api/2/issue/#{key}/watchers?accountId=#{me}")
out['watchers'] = { 'after add' => watching, 'after remove' => jira.Issue.find(key).attrs['fields']['watches']['watchCount'] }

jira.Issuelink.build.save!(type: { name: 'Blocks' }, inwardIssue: { key: key }, outwardIssue: { key: 'ACME-2' })
mine = jira.Issue.find('ACME-2').issuelinks.select { |l| l.attrs['outwardIssue'] && l.attrs['outwardIssue']['key'] == key }
made = mine.map { |l| l.attrs['type']['name'] }
mine.each { |l| jira.delete("/rest/api/2/issueLink/#{l.id}") }
left = jira.Issue.find('ACME-2').issuelinks.count { |l| l.attrs['outwardIssue'] && l.attrs['outwardIssue']['key'] == key }
out['links'] = { 'made' => made, 'left' => left }

file = Tempfile.new(['build', '.log'])
file.write("build 42 passed\n")
file.close
path = File.join(File.dirname(file.path), 'build.log')
File.rename(file.path, path)
att = issue.attachments.build
att.save!('file' => path, mimeType: 'text/plain')
content = jira.get(att.content.sub(ENV['JIRA_URL'], '')).body
listed = jira.Issue.find(key).attachments.map(&:filename)
att.delete
File.delete(path)
out['attachments'] = { 'size' => att.size, 'content' => content, 'listed' => listed, 'after' => jira.Issue.find(key).attachments.length }

worklog = issue.worklogs.build
worklog.save!('timeSpent' => '1h 30m', 'comment' => 'pairing')
logged = jira.Issue.find(key).worklogs.map { |w| [w.timeSpent, w.comment] }
worklog.delete
fresh = jira.Issue.find(key)
out['worklogs'] = { 'logged' => logged, 'after' => fresh.worklogs.length, 'field' => fresh.attrs['fields']['worklog']['total'] }

issue.remotelink.build.save!(object: { url: 'https://ci.example/42', title: 'Build 42' })
out['remote'] = jira.Issue.find(key).remotelink.all.map { |r| r.attrs['object']['title'] }

jira.post('/rest/api/2/issue/ACME-2/votes', '')
out['votes'] = JSON.parse(jira.get('/rest/api/2/issue/ACME-2/votes').body)['votes']

out['filters'] = { 'jql' => jira.Filter.find('10100').jql, 'favourites' => JSON.parse(jira.get('/rest/api/2/filter/favourite').body).map { |f| f['name'] } }
out['boards'] = jira.Board.all.map(&:name)
out['versions'] = { 'one' => jira.Version.find('ver-1').name, 'all' => jira.Project.find('ACME').versions.map(&:name), 'component' => jira.Component.find('cmp-1').name }
admin = connect(ENV['JIRA_ADMIN_EMAIL'], ENV['JIRA_ADMIN_TOKEN'])
out['group'] = JSON.parse(admin.get('/rest/api/2/group?groupname=developers&expand=users').body)['users']['items'].map { |u| u['accountId'] }.sort
perms = JSON.parse(jira.get('/rest/api/2/mypermissions?projectKey=ACME&permissions=CREATE_ATTACHMENTS,DELETE_ALL_ATTACHMENTS,WORK_ON_ISSUES').body)['permissions']
out['permissions'] = perms.transform_values { |v| v['havePermission'] }

begin
  jira.Issue.find('ACME-999')
  out['error'] = nil
rescue JIRA::HTTPError => e
  out['error'] = { 'status' => e.response.code.to_i, 'text' => e.response.body }
end

puts JSON.generate(out)
