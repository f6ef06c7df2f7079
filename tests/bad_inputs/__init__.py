"""The hostile-input matrix: paths, outputs, rulebooks, configs, waivers, consoles and signals.

Each row builds its inputs in a fresh folder, runs ``audit`` there (in-process, or as a real process
with a timeout when a regression could hang or the case needs a real process) and checks the promise
of the README: the documented exit code, exactly one line on stderr naming the file, no traceback,
every input byte-for-byte unchanged, and no file left behind (no output written by a refused run, no
``.audit-*.tmp``). The older rows about file formats stay in ``tests/test_bad_inputs.py``.
"""
