"""The cached figures work the same with the cache in Redis (CACHE_URL), shared by
every app process: computed once for all of them, and recomputed after a write.

Runs against the Redis on this machine (127.0.0.1:6379, as CI has it); skipped,
saying so, where none answers.
"""

import uuid

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from recommendations import figures

REDIS_URL = "redis://127.0.0.1:6379/14"


def _redis():
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_timeout=2)
    try:
        client.ping()
    except redis.RedisError as error:
        pytest.skip(f"No Redis at {REDIS_URL} ({error})")
    return client


@pytest.fixture
def redis_cache(settings):
    client = _redis()
    prefix = f"tracker-test-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    yield client, prefix
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def test_a_figure_is_computed_once_for_every_process_and_again_after_a_write(
    redis_cache, monkeypatch, make_item
):
    client, prefix = redis_cache
    make_item()
    calls = []

    def compute():
        calls.append(1)
        return 41 + len(calls)

    assert figures.cached_figure("shared", ("x",), compute) == 42
    assert any(b"figure:shared" in key for key in client.scan_iter(f"{prefix}:*"))
    # Another process: a cache client of its own, sharing nothing in memory.
    monkeypatch.setattr(figures, "cache", caches.create_connection("default"))
    assert figures.cached_figure("shared", ("x",), compute) == 42
    assert len(calls) == 1
    make_item()  # a write moves the data marker
    assert figures.cached_figure("shared", ("x",), compute) == 43
    assert len(calls) == 2


def test_the_item_list_keeps_its_total_and_rows_in_redis(
    redis_cache, client_for, panel, make_item
):
    for n in range(3):
        make_item(text=f"Shared item {n}")
    client = client_for(panel)
    url = reverse("recommendations:item_list")
    first = client.get(url)
    assert "3 items" in first.content.decode()
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url)
    assert again.content.decode().count("Shared item") == 3
    assert not any("COUNT(" in q["sql"] for q in queries.captured_queries)
    make_item(text="Shared item 3")
    assert "4 items" in client.get(url).content.decode()


def test_a_cache_that_does_not_answer_is_a_slower_page_not_an_error(
    settings, client_for, panel, make_item, caplog
):
    """Nothing answers on this port: every read misses, every write is dropped,
    and the page is computed as if nothing were cached."""
    settings.CACHES = {
        "default": {
            "BACKEND": "config.cache.ForgivingRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2},
        }
    }
    make_item(text="Shown without a cache")
    client = client_for(panel)
    for name in ("recommendations:item_list", "home"):
        response = client.get(reverse(name))
        assert response.status_code == 200, name
    assert (
        "Shown without a cache"
        in client.get(reverse("recommendations:item_list")).content.decode()
    )
