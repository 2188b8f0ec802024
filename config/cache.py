"""The shared cache, forgiving: Redis unreachable means a slower page, never an error.

Everything the tracker caches can be computed again (recommendations.figures keys
each figure on the data it counts), so a cache that does not answer is treated as a
cache that holds nothing: a read misses, a write is dropped, and the first failure
in a while is logged. Django's own RedisCache raises instead, which would turn a
Redis outage into every page failing.
"""

import logging
import time
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger("tracker.cache")

# At most one warning a minute, per process, while Redis is down.
WARN_EVERY_SECONDS = 60


class ForgivingRedisCache(RedisCache):
    _warned_at = 0.0

    def _failed(self, operation: str, error: Exception) -> None:
        now = time.monotonic()
        if now - ForgivingRedisCache._warned_at >= WARN_EVERY_SECONDS:
            ForgivingRedisCache._warned_at = now
            logger.warning(
                "cache_unavailable",
                extra={"operation": operation, "error": repr(error)},
            )

    def get(self, key: Any, default: Any = None, version: Any = None) -> Any:
        try:
            return super().get(key, default, version)
        except Exception as error:  # any failure of the cache: a miss
            self._failed("get", error)
            return default

    def get_many(self, keys: Any, version: Any = None) -> dict[Any, Any]:
        try:
            return super().get_many(keys, version)
        except Exception as error:
            self._failed("get_many", error)
            return {}

    def set(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> None:
        try:
            super().set(key, value, timeout, version)
        except Exception as error:
            self._failed("set", error)

    def add(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> bool:
        try:
            return super().add(key, value, timeout, version)
        except Exception as error:
            self._failed("add", error)
            return False

    def delete(self, key: Any, version: Any = None) -> bool:
        try:
            return super().delete(key, version)
        except Exception as error:
            self._failed("delete", error)
            return False

    def get_or_set(
        self,
        key: Any,
        default: Any,
        timeout: Any = DEFAULT_TIMEOUT,
        version: Any = None,
    ) -> Any:
        value = self.get(key, version=version)
        if value is None:
            value = default() if callable(default) else default
            if value is not None:
                self.set(key, value, timeout, version)
        return value
