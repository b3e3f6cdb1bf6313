"""One write path per use case, checked by reading the code (``ast``).

The demo is a script of what a coach does: every service function it calls to record its
programme must be reached from the window (``coachdesk/ui``) or the command line
(``coachdesk/commands``), directly or through the service and export functions they call. The
demo itself is no way in: ``coachdesk demo`` reaches ``write_demo_database``, which must not
make everything the demo calls count as reached.

Names are resolved from each file's imports (deferred ones included) and its own module-level
functions; a function passed as a callback counts as called. Run this file with Python to print
each function the demo calls and where the window or the command line reaches it.
"""

from __future__ import annotations

import ast
from collections import deque
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import coachdesk

PACKAGE_DIR = Path(coachdesk.__file__).parent
DEMO_MODULES = {"coachdesk.services.demo", "coachdesk.services.demo_data",
                "coachdesk.services.demo_contracts", "coachdesk.services.demo_training",
                "coachdesk.services.demo_cerfa", "coachdesk.services.demo_journal"}
# Where functions may lead on to others: the services and the exports (the window's export
# dialogs reach the services through them).
GRAPH_PACKAGES = ("coachdesk.services", "coachdesk.exports")
ENTRY_PACKAGES = ("coachdesk.ui", "coachdesk.commands")
# Demo steps whose window is being built on another branch at the same time: each name is the
# service function that branch calls from its dialog. The test fails as soon as one of them is
# reached from the window, so that it is removed from this list.
AWAITED: dict[str, str] = {}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


@dataclass
class _Module:
    name: str
    path: Path
    tree: ast.Module
    is_package: bool
    functions: dict[str, ast.FunctionDef | ast.AsyncFunctionDef] = field(default_factory=dict)
    classes: dict[str, ast.ClassDef] = field(default_factory=dict)


class CodeMap:
    """Every coachdesk module, its module-level functions, and what each name refers to."""

    def __init__(self) -> None:
        self.modules: dict[str, _Module] = {}
        for path in sorted(PACKAGE_DIR.rglob("*.py")):
            if "migrations" in path.parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            module = _Module(_module_name(path), path, tree, path.name == "__init__.py")
            for node in tree.body:
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    module.functions[node.name] = node
                elif isinstance(node, ast.ClassDef):
                    module.classes[node.name] = node
            self.modules[module.name] = module
        self._raw = {name: self._imports(module) for name, module in self.modules.items()}
        self._aliases = {name: {local: self._follow(target) for local, target in raw.items()}
                         for name, raw in self._raw.items()}

    def is_function(self, qualified: str) -> bool:
        module, _, name = qualified.rpartition(".")
        return module in self.modules and name in self.modules[module].functions

    def _imports(self, module: _Module) -> dict[str, str]:
        """Local name → module or qualified function, from every import in the file."""
        package = module.name if module.is_package else module.name.rpartition(".")[0]
        aliases: dict[str, str] = {}
        for node in ast.walk(module.tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.asname:
                        aliases[alias.asname] = alias.name
                    else:
                        aliases.setdefault(alias.name.split(".")[0], alias.name.split(".")[0])
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parents = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*parents, *([base] if base else [])])
                for alias in node.names:
                    aliases[alias.asname or alias.name] = f"{base}.{alias.name}"
        return aliases

    def _follow(self, target: str, depth: int = 0) -> str:
        """A module, a function, or a name a package re-exports, followed to the function."""
        if target in self.modules or self.is_function(target) or depth > 5:
            return target
        module, _, name = target.rpartition(".")
        again = self._raw.get(module, {}).get(name)
        return self._follow(again, depth + 1) if again else target

    def _dotted(self, node: ast.expr) -> str | None:
        if isinstance(node, ast.Name):
            return node.id
        if isinstance(node, ast.Attribute):
            inner = self._dotted(node.value)
            return f"{inner}.{node.attr}" if inner else None
        return None

    def references(self, module: str, nodes: list[ast.AST]) -> dict[str, int]:
        """The module-level functions of coachdesk that ``nodes`` (code of ``module``) name,
        with the line of their first mention."""
        aliases = self._aliases[module]
        own = self.modules[module].functions
        found: dict[str, int] = {}
        for root in nodes:
            for node in ast.walk(root):
                target = None
                if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
                    target = aliases.get(node.id)
                    if target is None and node.id in own:
                        target = f"{module}.{node.id}"
                elif isinstance(node, ast.Attribute):
                    dotted = self._dotted(node)
                    if dotted:
                        head, _, rest = dotted.partition(".")
                        resolved = aliases.get(head, head)
                        target = f"{resolved}.{rest}" if rest else resolved
                if target is not None and self.is_function(target):
                    found.setdefault(target, getattr(node, "lineno", 0))
        return found


@cache
def code_map() -> CodeMap:
    """The code, read once for the tests of this file."""
    return CodeMap()


def _in(module: str, packages: tuple[str, ...]) -> bool:
    return any(module == package or module.startswith(package + ".") for package in packages)


def demo_calls(code: CodeMap) -> dict[str, int]:
    """The service functions the demo's recording (``build_demo``) calls, with a line each.

    Followed inside the demo's modules: the functions and the classes (all their methods)
    ``build_demo`` uses; what writes and copies the demo's file is not part of the programme.
    """
    demo = code.modules["coachdesk.services.demo"]
    todo: deque[ast.AST] = deque([demo.functions["build_demo"]])
    seen: set[str] = {"build_demo"}
    calls: dict[str, int] = {}
    while todo:
        node = todo.popleft()
        for inner in ast.walk(node):
            if isinstance(inner, ast.Name) and inner.id not in seen:
                if inner.id in demo.functions:
                    seen.add(inner.id)
                    todo.append(demo.functions[inner.id])
                elif inner.id in demo.classes:
                    seen.add(inner.id)
                    todo.append(demo.classes[inner.id])
        for target, line in code.references(demo.name, [node]).items():
            module = target.rpartition(".")[0]
            if module not in DEMO_MODULES and _in(module, ("coachdesk.services",)):
                calls.setdefault(target, line)
    return calls


@dataclass(frozen=True)
class Reach:
    """How the window or the command line reaches a function: the file and line of the entry,
    and the chain of functions from there (the last one is the function itself)."""

    entry: str
    chain: tuple[str, ...]


def reached(code: CodeMap) -> dict[str, Reach]:
    """Every function of the services and the exports that the window or the command line
    reaches, with one way each gets there (breadth first: the shortest chain)."""
    found: dict[str, Reach] = {}
    queue: deque[str] = deque()
    for name, module in sorted(code.modules.items()):
        if not _in(name, ENTRY_PACKAGES):
            continue
        where = str(module.path.relative_to(PACKAGE_DIR.parent))
        for target, line in sorted(code.references(name, [module.tree]).items()):
            if target not in found and _in(target.rpartition(".")[0], GRAPH_PACKAGES):
                found[target] = Reach(f"{where}:{line}", (target,))
                queue.append(target)
    while queue:
        current = queue.popleft()
        module, _, function = current.rpartition(".")
        if module in DEMO_MODULES:
            continue  # the demo is no way in
        body = code.modules[module].functions[function]
        for target in code.references(module, [body]):
            if target not in found and _in(target.rpartition(".")[0], GRAPH_PACKAGES):
                found[target] = Reach(found[current].entry, (*found[current].chain, target))
                queue.append(target)
    return found


def test_every_service_the_demo_calls_is_reached_from_the_window_or_the_command_line() -> None:
    code = code_map()
    calls = demo_calls(code)
    reach = reached(code)
    missing = {name: line for name, line in calls.items() if name not in reach}
    unexplained = sorted(set(missing) - set(AWAITED))
    assert not unexplained, (
        "The demo calls service functions that neither the window nor the command line "
        "reaches (give the window a way to do it):\n"
        + "\n".join(f"  {name}  (demo.py:{missing[name]})" for name in unexplained)
    )
    now_reached = sorted(set(AWAITED) - set(missing))
    assert not now_reached, (
        "Now reached from the window or the command line, remove from AWAITED:\n"
        + "\n".join(f"  {name}  ({reach[name].entry})" for name in now_reached if name in reach)
        + "\n".join(f"  {name}  (no longer called by the demo)" for name in now_reached
                    if name not in reach)
    )


def test_the_reading_finds_direct_and_indirect_calls_and_leaves_the_demo_out() -> None:
    code = code_map()
    calls = demo_calls(code)
    reach = reached(code)
    # What the demo records: people, calls, meetings, bilan, employers, offers, referrals,
    # interviews, contracts, visits, ruptures, outcomes.
    assert len(calls) >= 30
    for name in ("participants.create_participant", "recruitment.record_call",
                 "interviews.set_interview_outcome", "contracts.record_contract",
                 "visits.record_rupture", "outcomes.record_outcome", "offers.update_offer"):
        assert f"coachdesk.services.{name}" in calls, name
    # A dialog calls it directly: one step from the window.
    visit = reach["coachdesk.services.visits.record_visit"]
    assert visit.chain == ("coachdesk.services.visits.record_visit",)
    assert visit.entry.startswith("coachdesk/ui/contracts/follow_up_dialogs.py:")
    # Reached only through another service function: the ROME check behind an offer.
    rome = reach["coachdesk.services.rome.check_rome_code"]
    assert len(rome.chain) > 1 and rome.chain[-1] == "coachdesk.services.rome.check_rome_code"
    # ``coachdesk demo`` reaches the demo's file writing, never through it what it records.
    assert "coachdesk.services.demo.write_demo_database" in reach
    assert "coachdesk.services.demo.build_demo" not in reach


def test_the_demo_opens_no_transaction_and_touches_no_table_itself() -> None:
    """Everything it records goes through the services: no session, no model class."""
    for module in DEMO_MODULES:
        tree = code_map().modules[module].tree
        imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        assert not {name for name in imported if name and name.startswith("coachdesk.models")}
        assert "sqlalchemy" not in {name.split(".")[0] for name in imported if name}
        opened = [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Attribute)
                  and node.attr in ("write", "read", "execute", "flush", "commit")]
        assert opened == [], f"{module}: a transaction or a row written at lines {opened}"


def main() -> None:
    """Print each service function the demo calls and one way the window or the command line
    reaches it."""
    code = code_map()
    reach = reached(code)
    for name, line in sorted(demo_calls(code).items()):
        short = name.removeprefix("coachdesk.services.")
        if name in reach:
            way = reach[name]
            through = " → ".join(step.removeprefix("coachdesk.services.")
                                 for step in way.chain[:-1])
            print(f"{short:45} demo.py:{line:<4} {way.entry}"
                  + (f"  (through {through})" if through else ""))
        else:
            print(f"{short:45} demo.py:{line:<4} NOT REACHED — {AWAITED.get(name, '?')}")


if __name__ == "__main__":
    main()


def test_the_window_opens_no_transaction_itself() -> None:
    """Every read and write of the window goes through a service (one transaction each)."""
    code = code_map()
    opened = []
    for name, module in code.modules.items():
        if not _in(name, ("coachdesk.ui",)):
            continue
        for node in ast.walk(module.tree):
            if isinstance(node, ast.With | ast.AsyncWith):
                for item in node.items:
                    call = item.context_expr
                    if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                            and call.func.attr in ("read", "write")):
                        opened.append(f"{module.path.relative_to(PACKAGE_DIR.parent)}:"
                                      f"{node.lineno}")
    assert opened == []


# Public service functions that work inside a caller's transaction, on purpose (see the
# services package's docstring); any other public function takes the open Database.
SESSION_LEVEL = {
    "audit.record": "the audit line goes in the transaction of what it audits",
    "records.get_record": "a service's own check that a record still exists",
    "cohorts.list_cohorts": "read inside an export's or a report's one transaction",
    "cohorts.find_cohort": "read inside an export's or a report's one transaction",
    "funnel.compute_funnel": "read inside an export's one transaction",
    "stages.participant_stages": "read inside a list's or an export's one transaction",
    "stages.person_stages": "read inside the Cohorte list's one transaction",
    "gdpr.last_contact_dates": "composed by the purge, in its transaction",
    "gdpr.remaining_rows": "the erasure's own check, in its transaction",
    "gdpr.purge": "composed by purge_for_good, in its transaction",
    "gdpr.erase": "composed by erase_for_good, in its transaction",
    "gdpr.access_report": "read inside the access export's transaction",
    "follow_on.linked_files_in": "read inside the participant file's one transaction",
    "clock.clock_day": "the database's day, read inside the transaction that needs it",
    "contract_alerts.acknowledgements": "read inside the contract board's one transaction",
    "pay_changes.pay_rises": "composed by the agenda, in its one read transaction",
    "reminders.reminder_agenda_items": "composed by the agenda, in its one read transaction",
    "journal.journal_agenda_items": "composed by the agenda, in its one read transaction",
    "documents.documents_in": "read inside the right-of-access export's transaction",
    "cohorts.add_cohort": "the contact import's new promotion, written with its people in the "
    "import's one transaction",
}


def _first_parameter(node: ast.FunctionDef | ast.AsyncFunctionDef) -> str:
    arguments = node.args.posonlyargs + node.args.args
    if not arguments or arguments[0].annotation is None:
        return ""
    return ast.unparse(arguments[0].annotation)


def test_public_services_take_the_database_and_the_window_never_a_session() -> None:
    code = code_map()
    session_level = set()
    for name, module in code.modules.items():
        if not _in(name, ("coachdesk.services",)):
            continue
        for function, node in module.functions.items():
            if not function.startswith("_") and "Session" in _first_parameter(node):
                session_level.add(f"{name.removeprefix('coachdesk.services.')}.{function}")
    assert session_level == set(SESSION_LEVEL), (
        "A public service function takes a Session: make it take the Database and run its own "
        "transaction, or make it private to its module"
    )
    called_by_the_window = {
        target for name, module in code.modules.items() if _in(name, ("coachdesk.ui",))
        for target in code.references(name, [module.tree])
    }
    assert not {
        target for target in called_by_the_window
        if target.removeprefix("coachdesk.services.") in SESSION_LEVEL
    }
