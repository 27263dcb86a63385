"""`cached_property` without a lock, for the lazily computed views of documents and blocks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

_T = TypeVar("_T")


class cached_property(Generic[_T]):  # noqa: N801  (named like the functools decorator it replaces)
    """`functools.cached_property` without its lock: before Python 3.12 every first access
    takes a lock, which costs more than most of the values cached here, and documents and
    blocks are only ever used by one thread. The value is stored in the instance's
    ``__dict__`` under the method's name, so later accesses never reach the descriptor."""

    def __init__(self, func: Callable[[Any], _T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> cached_property[_T]: ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> _T: ...
    def __get__(self, instance: object | None, owner: type | None = None) -> _T | cached_property[_T]:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value
