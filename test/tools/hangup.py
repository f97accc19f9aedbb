"""Runs a command on a pseudo-terminal of its own (standard output and error both), hangs the
terminal up once WAIT_FOR has appeared on it, and prints how the command ended as JSON. Node
has no pseudo-terminals of its own; Python's pty module does.

Usage: python3 hangup.py WAIT_FOR COMMAND [ARG...]
"""

import json
import os
import pty
import select
import sys
import time

wait_for, command = sys.argv[1].encode(), sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(command[0], command)

started = time.time()
output = b''
while time.time() - started < 60 and wait_for not in output:
    ready, _, _ = select.select([fd], [], [], 0.02)
    if ready:
        try:
            output += os.read(fd, 65536)
        except OSError:
            break
os.close(fd)  # the terminal is gone: the kernel sends SIGHUP to the command
hung_up = time.time()
# The command has 30 seconds to end; past that it is killed (and the test sees SIGKILL).
while True:
    done, status = os.waitpid(pid, os.WNOHANG)
    if done:
        break
    if time.time() - hung_up > 30:
        os.kill(pid, 9)
        _, status = os.waitpid(pid, 0)
        break
    time.sleep(0.01)
print(json.dumps({
    'seen': wait_for in output,
    'seconds': round(time.time() - hung_up, 3),
    'signal': os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
    'code': os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
    'output': output.decode('utf-8', 'replace')[-400:],
}))
