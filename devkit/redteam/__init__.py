"""The red-team demonstrator (``python -m devkit.redteam``): issue #11's attacks on the team-metrics privacy
guarantee, performed as an attacker would, printed so that a union representative or a reviewer can read them.

It starts the trial broker (``devkit.broker``: the shipped Mosquitto template, TLS, ACLs and ``lugn_guard``),
``lugn aggregate`` as its own process with short buckets, and a supervisor who records every summary with
``mosquitto_sub``. Each attack then uses ONE device account's password with the real ``mosquitto_pub`` and
``mosquitto_sub`` clients (paho only for an honest seat that stays connected), and the report shows per attack
what was seen before the fix (quoted from the issue), the exact commands (passwords shortened), what the
supervisor (or IT) saw, and a verdict: ``held: …`` or ``BROKEN: …``. Exit code 1 if any attack succeeded,
2 if the run could not tell.

- ``stage``: broker, aggregator, supervisor recording, the attacker's command runner.
- ``counting``: attacks 1-3 (forged contributors, differencing, inflation).
- ``access``: attacks 4-6 and 8 (session takeover, scope, silent loss, revocation); 7 and 9 point to tests.
- ``run``: one run and its report (text or JSON).

The attack suite (``tests/attacks``) asserts the same and more; this shows it.
"""
