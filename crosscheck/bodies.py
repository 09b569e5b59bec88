"""The composite calls of the request-body comparison, made by the unmodified published Python client.

Run by crosscheck/bodies (a Go program) against its in-process istaritest fake; the Go SDK makes the same calls
with the same inputs against a second fake, and the program compares what each fake recorded. Before each
composite this script sends GET /crosscheck/mark/<name> (unrouted; the fake records it and answers 404) so the
recordings can be cut into one segment per composite. Reads the fake's URL, users and tokens from the JSON file
named by CROSSCHECK_FAKE; tokens are never printed.
"""

import json
import logging
import os
import sys
import tempfile
import urllib.error
import urllib.request
import warnings

warnings.simplefilter("ignore")
logging.disable(logging.CRITICAL)

from istari_digital_client import Client, Configuration  # noqa: E402
from istari_digital_client.legacy.v2.models.access_relationship import AccessRelationship  # noqa: E402
from istari_digital_client.legacy.v2.models.new_system import NewSystem  # noqa: E402
from istari_digital_client.legacy.v2.models.new_system_configuration import NewSystemConfiguration  # noqa: E402
from istari_digital_client.legacy.v2.models.new_tracked_file import NewTrackedFile  # noqa: E402

fake = json.load(open(os.environ["CROSSCHECK_FAKE"]))
owner = Client(Configuration(registry_url=fake["url"], registry_auth_token=fake["owner"]["token"], retry_enabled=False))


def mark(name):
    try:
        urllib.request.urlopen(fake["url"] + "/crosscheck/mark/" + name).close()
    except urllib.error.HTTPError:
        pass  # 404 expected: the mark only needs to be recorded


def temp_file(name, data):
    p = os.path.join(tempfile.mkdtemp(prefix="crosscheck-"), name)
    with open(p, "wb") as f:
        f.write(data)
    return p


# The inputs: the Go side (crosscheck/bodies/main.go) uses the same values.
mark("add_model")
m = owner.add_model(temp_file("wing.step", b"solid wing-spar\n"), description="wing", display_name="Wing",
                    version_name="v1", external_identifier="EXT-1")
mark("update_model")
owner.update_model(m.id, temp_file("wing.step", b"solid wing-spar v2\n"), description="wing v2",
                   display_name="Wing 2", version_name="v2", external_identifier="EXT-2")
mark("add_model_bare")
owner.add_model(temp_file("bare.txt", b"bare"))
mark("add_artifact")
a = owner.add_artifact(m.id, temp_file("wing.json", b'{"mass": 3}'), [m.revision.id], description="mass",
                       display_name="Mass", version_name="a1", external_identifier="ART-1")
mark("update_artifact")
owner.update_artifact(a.id, temp_file("wing.json", b'{"mass": 4}'), description="mass v2")
mark("add_comment")
owner.add_comment(m.id, temp_file("note.md", b"check the spar"), description="review")
mark("add_job")
owner.add_job(m.id, fake["function"], parameters={"units": "mm", "scale": 2, "nested": {"a": [1, 2]}},
              tool_name="extractor", tool_version="1.0", description="extract", display_name="Extract",
              version_name="p1", external_identifier="JOB-1")
mark("create_system")
s = owner.create_system(NewSystem(name="Glider", description="two-seat"))
mark("create_configuration")
owner.create_configuration(s.id, NewSystemConfiguration(
    name="baseline", tracked_files=[NewTrackedFile(specifier_type="Latest", file_id=m.file.id)]))
mark("create_access")
owner.create_access(AccessRelationship(subject_type="user", subject_id=fake["bob"]["id"], relation="viewer",
                                       resource_type="model", resource_id=m.id))
mark("create_access_by_email_for_other_tenants")
owner.create_access_by_email_for_other_tenants("user", fake["bob"]["email"], "artifact", a.id, "viewer")
mark("end")
sys.exit(0)
