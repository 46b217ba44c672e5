# The configuration writes of an everyday jira-ruby 2.1.5 script (filters and favourites, versions,
# components, groups and members), which the admin REST branch (issue 19) implements. Run by
# tests/integration/clients/jira-ruby-config-writes.test.ts; prints one JSON object.
require 'jira-ruby'
require 'json'

def connect(email, token)
  JIRA::Client.new(username: email, password: token, site: ENV['JIRA_URL'], context_path: '', auth_type: :basic, use_ssl: false, read_timeout: 30)
end
jira = connect(ENV['JIRA_EMAIL'], ENV['JIRA_TOKEN'])
admin = connect(ENV['JIRA_ADMIN_EMAIL'], ENV['JIRA_ADMIN_TOKEN'])
out = {}
json = ->(r) { JSON.parse(r.body) }

f = json.(jira.post('/rest/api/2/filter', { name: 'My open bugs', jql: 'project = ACME AND status != Done', favourite: true }.to_json))
jira.put("/rest/api/2/filter/#{f['id']}", { name: 'My open bugs (ACME)', jql: 'project = ACME AND status != Done ORDER BY key' }.to_json)
got = jira.Filter.find(f['id'])
out['filter'] = { 'name' => got.name, 'favourite' => got.favourite, 'favourites' => json.(jira.get('/rest/api/2/filter/favourite')).map { |x| x['name'] } }
jira.delete("/rest/api/2/filter/#{f['id']}")
out['filter']['after delete'] = json.(jira.get('/rest/api/2/filter/favourite')).map { |x| x['name'] }

project = admin.Project.find('ACME')
v = admin.Version.build
v.save!('name' => '3.0', 'projectId' => project.id.to_i, 'description' => 'next')
v.save!('released' => true, 'releaseDate' => '2025-06-01')
v.save!('archived' => true)
got = admin.Version.find(v.id)
out['version'] = { 'released' => got.released, 'archived' => got.archived }
v.delete
out['version']['after delete'] = admin.Project.find('ACME').versions.map(&:name)

c = admin.Component.build
c.save!('name' => 'Payments', 'project' => 'ACME', 'description' => 'money', 'leadAccountId' => 'u-bob')
c.save!('name' => 'Payments & Billing')
out['component'] = admin.Component.find(c.id).name
c.delete
out['component after delete'] = admin.Project.find('ACME').components.map(&:name)

admin.post('/rest/api/2/group', { name: 'release-managers' }.to_json)
admin.post('/rest/api/2/group/user?groupname=release-managers', { accountId: 'u-bob' }.to_json)
out['group'] = json.(admin.get('/rest/api/2/group/member?groupname=release-managers'))['values'].map { |u| u['accountId'] }.sort
admin.delete('/rest/api/2/group/user?groupname=release-managers&accountId=u-bob')
admin.delete('/rest/api/2/group?groupname=release-managers')
out['groups after'] = json.(admin.get('/rest/api/2/groups/picker?query=release-managers'))['groups'].map { |g| g['name'] }

puts JSON.generate(out)
