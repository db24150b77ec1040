'use strict';
/**
 * The engines n8n's queue mode needs, as a user's server runs them: Debian's PostgreSQL 15, Redis 7 and nginx,
 * each started on 127.0.0.1 with its own temp data directory and a free port, and stopped (data removed) by stop().
 * Running as root, PostgreSQL runs as the `postgres` user (it refuses root), through runuser.
 * `.ci/run` installs the packages with apt-get; queuePrerequisites() says what is missing on other machines.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');

const { freePorts } = require('./ports');
const { run } = require('./install');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** bin directory of the newest installed PostgreSQL (15 preferred; $PG_BIN_DIR wins), or undefined. */
function postgresBinDir() {
	const root = '/usr/lib/postgresql';
	if (process.env.PG_BIN_DIR) return fs.existsSync(path.join(process.env.PG_BIN_DIR, 'initdb')) ? process.env.PG_BIN_DIR : undefined;
	let versions = [];
	try {
		versions = fs.readdirSync(root).filter((name) => fs.existsSync(path.join(root, name, 'bin', 'initdb')));
	} catch {
		return undefined;
	}
	versions.sort((a, b) => (a === '15' ? -1 : b === '15' ? 1 : Number(b) - Number(a)));
	return versions.length > 0 ? path.join(root, versions[0], 'bin') : undefined;
}

function onPath(binary) {
	return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir && fs.existsSync(path.join(dir, binary)));
}

function nginxBinary() {
	return ['/usr/sbin/nginx', '/usr/bin/nginx'].find((candidate) => fs.existsSync(candidate)) ?? (onPath('nginx') ? 'nginx' : undefined);
}

function redisBinary() {
	return ['/usr/bin/redis-server'].find((candidate) => fs.existsSync(candidate)) ?? (onPath('redis-server') ? 'redis-server' : undefined);
}

/** What the queue-mode suite needs and does not find: [{ name, apt }] (empty when everything is there). */
function queuePrerequisites() {
	const missing = [];
	if (!postgresBinDir()) missing.push({ name: 'PostgreSQL server (initdb, pg_ctl)', apt: 'postgresql' });
	if (!redisBinary()) missing.push({ name: 'redis-server', apt: 'redis-server' });
	if (!nginxBinary()) missing.push({ name: 'nginx', apt: 'nginx' });
	if (isRoot && !onPath('runuser')) missing.push({ name: 'runuser (to run PostgreSQL as postgres)', apt: 'util-linux' });
	return missing;
}

/** A temp dir the given system user may use (PostgreSQL's data dir must belong to the user running it). */
function tempDirFor(prefix, owner) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	if (owner) {
		fs.chmodSync(dir, 0o700);
		return run('chown', ['-R', `${owner}:${owner}`, dir]).then(() => dir);
	}
	return Promise.resolve(dir);
}

/** Runs a PostgreSQL binary as `postgres` when we are root, else as ourselves. */
function pgCommand(binDir, tool, args) {
	const binary = path.join(binDir, tool);
	return isRoot ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];
}

/**
 * PostgreSQL on 127.0.0.1:<free port>, data in a fresh temp dir, trust auth for the `postgres` role (loopback only,
 * thrown away afterwards), durability off (a test database). Resolves { host, port, user, database, stop() }.
 */
async function startPostgres({ database = 'n8n' } = {}) {
	const binDir = postgresBinDir();
	if (!binDir) throw new Error('PostgreSQL is not installed (apt-get install -y postgresql)');
	const dir = await tempDirFor('wamd-pg-', isRoot ? 'postgres' : undefined);
	const dataDir = path.join(dir, 'data');
	const [port] = await freePorts(1);
	const pg = (tool, args) => {
		const [command, commandArgs] = pgCommand(binDir, tool, args);
		return run(command, commandArgs, { cwd: dir });
	};
	let started = false;
	const stop = async () => {
		if (started) {
			await pg('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']).catch(() => {});
			started = false;
		}
		fs.rmSync(dir, { recursive: true, force: true });
	};
	try {
		await pg('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
		const options = [
			`-p ${port}`,
			"-c listen_addresses='127.0.0.1'",
			`-c unix_socket_directories='${dir}'`,
			'-c fsync=off',
			'-c synchronous_commit=off',
			'-c full_page_writes=off',
			'-c max_connections=200',
		].join(' ');
		await pg('pg_ctl', ['-D', dataDir, '-o', options, '-l', path.join(dir, 'postgres.log'), '-w', '-t', '120', 'start']);
		started = true;
		await pg('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', database]);
	} catch (error) {
		let log = '';
		try {
			log = fs.readFileSync(path.join(dir, 'postgres.log'), 'utf8').slice(-3000);
		} catch {
			// no log yet
		}
		await stop();
		throw new Error(`PostgreSQL did not start: ${error.message}\n${log}`);
	}
	return { host: '127.0.0.1', port, user: 'postgres', database, dir, stop };
}

/** Spawns a long-running server; resolves once `ready()` holds, rejects if it exits first. */
async function spawnServer(label, command, args, { ready, timeoutMs = 60_000, cwd, logFile }) {
	const log = fs.openSync(logFile, 'a');
	const child = spawn(command, args, { cwd, stdio: ['ignore', log, log] });
	fs.closeSync(log);
	let exited;
	child.on('exit', (code, signal) => (exited = { code, signal }));
	child.on('error', (error) => (exited = { code: error.message }));
	const started = Date.now();
	while (!exited && Date.now() - started < timeoutMs) {
		if (await ready().catch(() => false)) return child;
		await sleep(100);
	}
	if (!exited) child.kill('SIGKILL');
	const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-3000) : '';
	throw new Error(`${label} ${exited ? `exited (${exited.code ?? exited.signal})` : `was not ready after ${timeoutMs / 1000} s`}:\n${tail}`);
}

function stopChild(child, graceMs = 10_000) {
	if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => {
		const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
		child.once('exit', () => {
			clearTimeout(timer);
			resolve();
		});
		child.kill('SIGTERM');
	});
}

/** A raw RESP command to Redis (enough for PING, GET, TTL, KEYS in tests; no client library needed). */
function redisCommand(port, ...args) {
	const net = require('node:net');
	return new Promise((resolve, reject) => {
		const socket = net.connect(port, '127.0.0.1');
		const payload = `*${args.length}\r\n${args.map((arg) => `$${Buffer.byteLength(String(arg))}\r\n${arg}\r\n`).join('')}`;
		let data = '';
		socket.setTimeout(5000, () => socket.destroy(new Error('redis: no answer')));
		socket.on('connect', () => socket.write(payload));
		socket.on('data', (chunk) => {
			data += chunk;
			const parsed = parseResp(data);
			if (parsed !== undefined) {
				socket.end();
				resolve(parsed.value);
			}
		});
		socket.on('error', reject);
	});
}

/** Parses one RESP value; undefined while incomplete. */
function parseResp(text, offset = 0) {
	const end = text.indexOf('\r\n', offset);
	if (end === -1) return undefined;
	const type = text[offset];
	const line = text.slice(offset + 1, end);
	if (type === '+') return { value: line, next: end + 2 };
	if (type === '-') return { value: new Error(line), next: end + 2 };
	if (type === ':') return { value: Number(line), next: end + 2 };
	if (type === '$') {
		const length = Number(line);
		if (length === -1) return { value: null, next: end + 2 };
		if (text.length < end + 2 + length + 2) return undefined;
		return { value: text.slice(end + 2, end + 2 + length), next: end + 2 + length + 2 };
	}
	if (type === '*') {
		const count = Number(line);
		const values = [];
		let next = end + 2;
		for (let index = 0; index < count; index++) {
			const item = parseResp(text, next);
			if (item === undefined) return undefined;
			values.push(item.value);
			next = item.next;
		}
		return { value: values, next };
	}
	return { value: line, next: end + 2 };
}

/** Redis on 127.0.0.1:<free port>, no persistence, working dir in a temp dir. Resolves { host, port, command(), stop() }. */
async function startRedis() {
	const binary = redisBinary();
	if (!binary) throw new Error('redis-server is not installed (apt-get install -y redis-server)');
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wamd-redis-'));
	const [port] = await freePorts(1);
	const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'];
	let child;
	try {
		child = await spawnServer('redis-server', binary, args, {
			cwd: dir,
			logFile: path.join(dir, 'redis.log'),
			ready: async () => (await redisCommand(port, 'PING')) === 'PONG',
		});
	} catch (error) {
		fs.rmSync(dir, { recursive: true, force: true });
		throw error;
	}
	return {
		host: '127.0.0.1',
		port,
		command: (...args) => redisCommand(port, ...args),
		async stop() {
			await stopChild(child);
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}

/**
 * nginx in the foreground with the given http{} body (server blocks, upstreams, zones), its prefix, pid, logs and
 * temp paths in a fresh temp dir. `ports` free ports are handed to `httpBody(ports, dir)`. The config is checked
 * with `nginx -t` first. Resolves { ports, dir, accessLog(), stop() }; `ready` lists ports to wait for.
 */
async function startNginx({ portCount, httpBody }) {
	const binary = nginxBinary();
	if (!binary) throw new Error('nginx is not installed (apt-get install -y nginx)');
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wamd-nginx-'));
	// Worker processes run as an unprivileged user when the master is root: they must reach the temp paths.
	fs.chmodSync(dir, 0o755);
	for (const sub of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) fs.mkdirSync(path.join(dir, sub), { mode: 0o777 });
	const ports = await freePorts(portCount);
	const conf = [
		'worker_processes 1;',
		`pid ${dir}/nginx.pid;`,
		`error_log ${dir}/error.log warn;`,
		'events { worker_connections 1024; }',
		'http {',
		`  access_log ${dir}/access.log;`,
		`  client_body_temp_path ${dir}/client_body;`,
		`  proxy_temp_path ${dir}/proxy;`,
		`  fastcgi_temp_path ${dir}/fastcgi;`,
		`  uwsgi_temp_path ${dir}/uwsgi;`,
		`  scgi_temp_path ${dir}/scgi;`,
		httpBody(ports, dir),
		'}',
		'',
	].join('\n');
	const confFile = path.join(dir, 'nginx.conf');
	fs.writeFileSync(confFile, conf);
	const args = ['-p', dir, '-c', confFile, '-g', 'daemon off;'];
	let child;
	try {
		await run(binary, ['-t', '-q', '-p', dir, '-c', confFile]);
		child = await spawnServer('nginx', binary, args, {
			cwd: dir,
			logFile: path.join(dir, 'nginx.out'),
			ready: async () => {
				const net = require('node:net');
				const open = (port) =>
					new Promise((resolve) => {
						const socket = net.connect(port, '127.0.0.1', () => {
							socket.end();
							resolve(true);
						});
						socket.on('error', () => resolve(false));
					});
				return (await Promise.all(ports.map(open))).every(Boolean);
			},
		});
	} catch (error) {
		fs.rmSync(dir, { recursive: true, force: true });
		throw new Error(`nginx did not start: ${error.message}\n--- nginx.conf ---\n${conf}`);
	}
	return {
		ports,
		dir,
		conf,
		accessLog: () => (fs.existsSync(path.join(dir, 'access.log')) ? fs.readFileSync(path.join(dir, 'access.log'), 'utf8') : ''),
		async stop() {
			await stopChild(child);
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}

module.exports = { startPostgres, startRedis, startNginx, queuePrerequisites, postgresBinDir, redisCommand, stopChild };
