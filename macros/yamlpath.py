"""Where a key path sits in a YAML file, for the messages of every loader (data.py, topics.py).

PyYAML only, so that topics.py, which the Django LTS run imports, needs nothing more.
"""

from __future__ import annotations

from typing import Any

import yaml


def walk(node: yaml.Node | None, path: tuple[Any, ...]) -> tuple[int | None, yaml.Node | None]:
    """The 1-based line of the key at ``path`` (or of its nearest parent; None when not even
    the first key is there) and the node of its value (or of that parent)."""
    line = None
    for part in path:
        if isinstance(node, yaml.MappingNode):
            match = next((kv for kv in node.value if kv[0].value == str(part)), None)
            if match is None:
                break
            line, node = match[0].start_mark.line + 1, match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line, node
