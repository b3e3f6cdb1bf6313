"""The one exception type that carries a message meant for the coach."""


class UserError(Exception):
    """A problem the coach can fix: the message is French, complete and shown as is.

    Services raise it for bad input, unreadable files and refused operations; the CLI prints it
    on stderr and exits 1, the window shows it in a dialog. Never put a traceback in it.
    """

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n{self.hint}" if self.hint else self.message
