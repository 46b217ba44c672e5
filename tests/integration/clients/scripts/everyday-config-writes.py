"""The configuration writes of an everyday python-jira 3.4.1 script (filters and favourites, versions
and components, groups and their members), which the admin REST branch (issue 19) implements.
Run by tests/integration/clients/python-jira-config-writes.test.ts; prints one JSON object.
"""
import json
import os
import sys

from jira import JIRA

url = os.environ["JIRA_URL"]
jira = JIRA(server=url, basic_auth=(os.environ["JIRA_EMAIL"], os.environ["JIRA_TOKEN"]))
admin = JIRA(server=url, basic_auth=(os.environ["JIRA_ADMIN_EMAIL"], os.environ["JIRA_ADMIN_TOKEN"]))
out = {}

f = jira.create_filter(name="My open bugs", jql="project = ACME AND status != Done", favourite=True)
jira.update_filter(f.id, name="My open bugs (ACME)", jql="project = ACME AND status != Done ORDER BY key")
out["filter"] = {"name": jira.filter(f.id).name, "favourite": jira.filter(f.id).favourite, "favourites": [x.name for x in jira.favourite_filters()]}
f.delete()
out["filter"]["after delete"] = [x.name for x in jira.favourite_filters()]

v = admin.create_version(name="3.0", project="ACME", description="next")
v.update(released=True, releaseDate="2025-06-01")
v.update(archived=True)
got = admin.version(v.id)
out["version"] = {"released": got.released, "archived": got.archived}
v.delete()
out["version"]["after delete"] = [x.name for x in admin.project_versions("ACME")]

c = admin.create_component(name="Payments", project="ACME", description="money")
c.update(name="Payments & Billing")
out["component"] = admin.component(c.id).name
c.delete()
out["component after delete"] = [x.name for x in admin.project_components("ACME")]

admin.add_group("release-managers")
admin.add_user_to_group("u-bob", "release-managers")
out["group"] = sorted(admin.group_members("release-managers").keys())
admin.remove_user_from_group("u-bob", "release-managers")
admin.remove_group("release-managers")
out["groups after"] = [g for g in admin.groups() if g == "release-managers"]

json.dump(out, sys.stdout)
