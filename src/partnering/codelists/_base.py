"""The base of every code list, and the helper that declares a code with its words."""

from __future__ import annotations

from enum import Enum

__all__ = ["ALIASES", "CodeList", "declare"]


class _Declared(str):
    """A code as a list declares it, carrying its title and description to the member."""

    caption: str
    explanation: str


def declare(code: str, title: str, description: str) -> str:
    """Declare a member of a code list: its value is ``code``; the words ride along."""
    declared = _Declared(code)
    declared.caption = title
    declared.explanation = description
    return declared


class CodeList(Enum):
    """The base of every code list: a code written in files, a title and a description.

    A member's value is the code, a plain string, so ``Rating("green")`` finds the member
    (and type checkers know it); its title and description are attributes.
    """

    _value_: str
    title: str
    description: str

    def __init__(self, code: str) -> None:
        if not isinstance(code, _Declared):  # pragma: no cover - a mistake in a list
            raise TypeError(f"declare the code {code!r} with its title and description")
        self._value_ = str.__str__(code)
        self.title = code.caption
        self.description = code.explanation

    @property
    def aliases(self) -> tuple[str, ...]:
        """Return the other names people write for the code, besides its code and title.

        Validation suggests the code for any of them. An alias stands for this code and no
        other: a common abbreviation of the title (``INGO``), or a kind of organisation the
        description names (a university is academic). A sector also has the titles and
        aliases of its organisation types, so ``Government`` names the public sector.

        Example:
            >>> from partnering.codelists import OrganisationType, Sector
            >>> OrganisationType.ACADEMIC.aliases
            ('University', 'Research institute', 'Think tank')
            >>> Sector.PUBLIC.aliases
            ('Government', 'Local Government', 'Other Public Sector')
        """
        return ALIASES.get(self, ())

    @classmethod
    def codes(cls) -> tuple[str, ...]:
        """Return the codes of the list in their documented order.

        Example:
            >>> from partnering.codelists import Rating
            >>> Rating.codes()
            ('green', 'amber', 'red', 'not_applicable')
        """
        return tuple(member.value for member in cls)


#: The other names of each code; :mod:`partnering.codelists._aliases`, which knows the lists
#: that the aliases name, fills it in.
ALIASES: dict[CodeList, tuple[str, ...]] = {}
