"""An everyday script written with python-jira 3.4.1 (Debian's python3-jira), unmodified.

Run by tests/integration/clients/python-jira.test.ts: JIRA_URL, JIRA_EMAIL, JIRA_TOKEN (a developer)
and JIRA_ADMIN_EMAIL, JIRA_ADMIN_TOKEN. Prints one JSON object: what each step saw.
"""
import io
import json
import os
import sys

from jira import JIRA, JIRAError

url = os.environ["JIRA_URL"]
jira = JIRA(server=url, basic_auth=(os.environ["JIRA_EMAIL"], os.environ["JIRA_TOKEN"]))
admin = JIRA(server=url, basic_auth=(os.environ["JIRA_ADMIN_EMAIL"], os.environ["JIRA_ADMIN_TOKEN"]))
out = {}

out["connect"] = {"deploymentType": jira.server_info()["deploymentType"], "me": jira.myself()["accountId"]}

first = jira.search_issues("project = ACME ORDER BY key ASC", startAt=0, maxResults=3, fields="summary,status")
second = jira.search_issues("project = ACME ORDER BY key ASC", startAt=3, maxResults=3, fields="summary,status")
out["search"] = {"total": first.total, "pages": [[i.key for i in first], [i.key for i in second]]}

got = jira.issue("ACME-3", expand="changelog,names")
out["get"] = {"key": got.key, "histories": len(got.changelog.histories), "hasNames": "summary" in got.raw.get("names", {})}

meta = jira.createmeta(projectKeys="ACME", issuetypeNames="Task", expand="projects.issuetypes.fields")
task_fields = meta["projects"][0]["issuetypes"][0]["fields"]
out["createmeta"] = {"required": sorted(k for k, v in task_fields.items() if v.get("required"))}

new = jira.create_issue(project="ACME", summary="Filed by python-jira", issuetype={"name": "Task"})
new.update(summary="Edited by python-jira")
out["create"] = {"key": new.key, "summary": jira.issue(new.key).fields.summary}

c = jira.add_comment(new.key, "first words")
c.update(body="second words")
seen = jira.comment(new.key, c.id).body
c.delete()
out["comment"] = {"seen": seen, "after": [x.id for x in jira.comments(new.key)]}

assert any(t["name"] == "Start Progress" for t in jira.transitions(new.key))
jira.transition_issue(new.key, "Start Progress")
jira.assign_issue(new.key, "u-bob")
done = jira.issue(new.key)
out["transition"] = {"status": done.fields.status.name, "assignee": done.fields.assignee.accountId}

jira.add_watcher(new.key, out["connect"]["me"])
watching = jira.watchers(new.key).watchCount
jira.remove_watcher(new.key, "u-bob")
out["watchers"] = {"after add": watching, "after remove": jira.watchers(new.key).watchCount}

jira.create_issue_link("Blocks", new.key, "ACME-2")
links = jira.issue("ACME-2").fields.issuelinks
mine = [l for l in links if getattr(l, "outwardIssue", None) is not None and l.outwardIssue.key == new.key]
jira.delete_issue_link(mine[0].id)
out["links"] = {"made": [l.type.name for l in mine], "left": len([l for l in jira.issue("ACME-2").fields.issuelinks if getattr(l, "outwardIssue", None) is not None and l.outwardIssue.key == new.key])}

att = jira.add_attachment(new.key, io.BytesIO(b"build 42 passed\n"), filename="build.log")
content = jira.attachment(att.id).get()
listed = [a.filename for a in jira.issue(new.key).fields.attachment]
jira.delete_attachment(att.id)
out["attachments"] = {"size": att.size, "content": content.decode(), "listed": listed, "after": len(jira.issue(new.key).fields.attachment)}

w = jira.add_worklog(new.key, timeSpent="1h 30m", comment="pairing")
logged = [(x.timeSpent, x.comment) for x in jira.worklogs(new.key)]
w.delete()
out["worklogs"] = {"logged": logged, "after": len(jira.worklogs(new.key)), "field": jira.issue(new.key).fields.worklog.total}

jira.add_simple_link(new.key, {"url": "https://ci.example/42", "title": "Build 42"})
out["remote"] = [r.object.title for r in jira.remote_links(new.key)]

jira.add_vote("ACME-2")
out["votes"] = jira.votes("ACME-2").votes

out["filters"] = {"jql": jira.filter("10100").jql, "favourites": [f.name for f in jira.favourite_filters()]}
out["boards"] = [b.name for b in jira.boards()]
out["versions"] = {"one": jira.version("ver-1").name, "all": [v.name for v in jira.project_versions("ACME")], "component": jira.component("cmp-1").name}
out["group"] = sorted(admin.group_members("developers").keys())
out["permissions"] = {k: v["havePermission"] for k, v in jira.my_permissions(projectKey="ACME", permissions="CREATE_ATTACHMENTS,DELETE_ALL_ATTACHMENTS,WORK_ON_ISSUES")["permissions"].items()}

try:
    jira.issue("ACME-999")
    out["error"] = None
except JIRAError as e:
    out["error"] = {"status": e.status_code, "text": e.text}

json.dump(out, sys.stdout)
