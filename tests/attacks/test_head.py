"""HEAD answers like GET: same status, same headers that matter, no body."""

import pytest

from tests.attacks.conftest import CELLS


@pytest.mark.parametrize(("topic", "framework"), CELLS)
def test_head_answers_like_get(topic, framework, attack, verdict):
    v = verdict("head", topic, framework)
    browser = attack(topic, framework)
    for endpoint in browser.endpoints if browser else ():
        if not endpoint.allows("GET"):
            continue
        url = endpoint.url()
        get = browser.get(url)
        if get.status == 405:
            continue
        head = browser.send("HEAD", url)
        v.check(
            endpoint,
            head.status == get.status and not head.body,
            f"GET {url} answered {get.status}, HEAD {head.status}" + (" with a body" if head.body else ""),
        )
    v.done()
