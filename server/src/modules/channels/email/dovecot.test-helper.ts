// A real IMAP server for tests: Debian's Dovecot, started as a subprocess with its own
// configuration, maildirs and sockets in a temporary folder, listening on a free loopback port.
// Run as root (this sandbox, many CI runners) Dovecot drops to an unprivileged user for mail and
// logins, so that user must exist and own the maildirs; otherwise it runs as the current user.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';

const CANDIDATES = ['/usr/sbin/dovecot', '/usr/local/sbin/dovecot', '/opt/homebrew/sbin/dovecot'];

export function dovecotBinary(): string {
  const found = [
    ...CANDIDATES,
    ...(process.env.PATH ?? '').split(':').map((d) => path.join(d, 'dovecot')),
  ].find((p) => existsSync(p));
  if (!found)
    throw new Error(
      "Dovecot is not installed: the IMAP tests need a real IMAP server. Install Debian's dovecot-imapd " +
        '(apt-get install -y dovecot-imapd); .ci/run does this in CI.',
    );
  return found;
}

async function freePort(): Promise<number> {
  const s = createServer();
  s.listen(0, '127.0.0.1');
  await once(s, 'listening');
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** name, uid, gid and group name of a local account, from /etc/passwd and /etc/group */
function account(name: string) {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.split(':')[0] === name);
  if (!line) throw new Error(`no local user ${name} to run Dovecot's mail processes as`);
  const [, , uid, gid] = line.split(':');
  const group =
    readFileSync('/etc/group', 'utf8')
      .split('\n')
      .map((l) => l.split(':'))
      .find((g) => g[2] === gid)?.[0] ?? gid!;
  return { name, uid: Number(uid), gid: Number(gid), group };
}

export interface Dovecot {
  host: string;
  port: number;
  addUser(user: string, password: string): void;
  stop(): Promise<void>;
}

export async function startDovecot(): Promise<Dovecot> {
  const bin = dovecotBinary();
  const dir = mkdtempSync(path.join(tmpdir(), 'riza-dovecot-'));
  // the unprivileged mail user must reach its maildirs and the auth process the password file
  chmodSync(dir, 0o755);
  const runAs = process.getuid?.() === 0 ? account('nobody') : account(userInfo().username);
  const mail = path.join(dir, 'mail');
  mkdirSync(mail);
  chownSync(mail, runAs.uid, runAs.gid);
  const passwd = path.join(dir, 'passwd');
  writeFileSync(passwd, '', { mode: 0o644 });
  const port = await freePort();
  const conf = path.join(dir, 'dovecot.conf');
  writeFileSync(
    conf,
    `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = /dev/stderr
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${runAs.name}
default_internal_group = ${runAs.group}
default_login_user = ${runAs.name}
first_valid_uid = ${runAs.uid}
first_valid_gid = ${runAs.gid}
mail_location = maildir:${mail}/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${passwd}
}
userdb {
  driver = static
  args = uid=${runAs.uid} gid=${runAs.gid} home=${mail}/%u
}
# chroot needs root; a test server does without it whoever runs it
service anvil {
  chroot =
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
`,
  );
  const child: ChildProcess = spawn(bin, ['-F', '-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = once(child, 'exit');
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Dovecot exited (${child.exitCode}):\n${output}`);
    const up = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1', () => {
        s.end();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (up) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Dovecot did not listen on 127.0.0.1:${port} within 15 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    host: '127.0.0.1',
    port,
    addUser(user, password) {
      writeFileSync(passwd, `${user}:{PLAIN}${password}\n`, { flag: 'a' });
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
