"""Runs a command on a pseudo-terminal of its own (standard output and error both), hangs the
terminal up once WAIT_FOR has appeared on it, and prints how the command ended as JSON. Node
has no pseudo-terminals of its own; Python's pty module does.

Usage: python3 hangup.py [--no-signal] WAIT_FOR COMMAND [ARG...]

With --no-signal the terminal is not the command's controlling terminal, so closing it sends
no SIGHUP: the command only finds out when its writes fail (EIO).
"""

import json
import os
import pty
import select
import subprocess
import sys
import time

args = sys.argv[1:]
no_signal = args[0] == '--no-signal'
if no_signal:
    args = args[1:]
wait_for, command = args[0].encode(), args[1:]
if no_signal:
    fd, slave = pty.openpty()
    # A new session that never opens the terminal itself: it has no controlling terminal.
    child = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, start_new_session=True)
    os.close(slave)
    pid = child.pid
else:
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
os.close(fd)  # the terminal is gone: the kernel sends SIGHUP to the command (unless --no-signal)
hung_up = time.time()
# The command has 60 seconds to end; past that it is killed (and the test sees SIGKILL).
while True:
    done, status = os.waitpid(pid, os.WNOHANG)
    if done:
        break
    if time.time() - hung_up > 60:
        os.kill(pid, 9)
        _, status = os.waitpid(pid, 0)
        break
    time.sleep(0.01)
print(json.dumps({
    'pid': pid,
    'seen': wait_for in output,
    'seconds': round(time.time() - hung_up, 3),
    'signal': os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
    'code': os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
    'output': output.decode('utf-8', 'replace')[-400:],
}))
