"""The one error a build raises for a mistake in the sources, and the one place it becomes MkDocs' error."""
import functools


class BuildError(Exception):
    """A mistake a contributor can fix. `where` names it: 'docs/ko/x.md:12', 'glossary.yml', or ''
    when the message names its places itself (several problems at once) or there is no file to name."""

    def __init__(self, where, message):
        super().__init__(f"{where}: {message}" if where else message)
        self.where, self.message = where, message


def as_plugin_error(event):
    """`event` (a hook) with a BuildError turned into MkDocs' PluginError: the build stops with the
    message and no traceback."""
    from mkdocs.exceptions import PluginError

    @functools.wraps(event)
    def hook(*args, **kwargs):
        try:
            return event(*args, **kwargs)
        except BuildError as error:
            raise PluginError(str(error)) from None
    return hook
