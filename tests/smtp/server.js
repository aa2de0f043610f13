// A real SMTP server for the portal's tests and benchmark. Each accepted message is written to
// --dir as an .eml file (or only counted with --discard). It can be told to answer chosen
// recipients with a temporary (4xx) or permanent (5xx) refusal and to take its time over each
// message, which is how the tests catch the portal mid-issue. Every RCPT TO is logged to
// attempts.log in --dir, so a test can see what was tried, not only what arrived.
//
// With --hold-after N it accepts N messages and then holds every further one unanswered: the
// message is received in full, but the client waits for the server's reply, as at the instant a
// portal is killed mid-send. Each held message adds a line to held.log. If the client goes away
// while it waits, the held message is stored anyway — a server that took it but whose answer was
// lost, the worst case for repeats. A line "release" on stdin answers the held ones and stops holding.
//
//   node server.js --port 0 --dir ./out [--delay-ms 20] [--soft-fail REGEX --soft-fail-times 1]
//                  [--hard-fail REGEX] [--hold-after N] [--discard] [--exit-with-stdin]
//
// It prints "listening PORT" once it accepts connections.
"use strict";

const fs = require("fs");
const path = require("path");
const { SMTPServer } = require("smtp-server");

function option(name, fallback) {
  const index = process.argv.indexOf("--" + name);
  if (index < 0) return fallback;
  const value = process.argv[index + 1];
  return value === undefined || value.startsWith("--") ? true : value;
}

const port = Number(option("port", 0));
const dir = path.resolve(String(option("dir", "smtp-out")));
const delayMs = Number(option("delay-ms", 0));
const softFail = option("soft-fail", null) ? new RegExp(option("soft-fail")) : null;
const softFailTimes = Number(option("soft-fail-times", 1));
const hardFail = option("hard-fail", null) ? new RegExp(option("hard-fail")) : null;
const discard = option("discard", false) === true;
let holdAfter = option("hold-after", null) === null ? null : Number(option("hold-after"));

fs.mkdirSync(dir, { recursive: true });
const attemptsLog = fs.createWriteStream(path.join(dir, "attempts.log"), { flags: "a" });
const softFailures = new Map();
let received = 0;
let admitted = 0;
const held = [];
const heldLog = path.join(dir, "held.log");

function release() {
  holdAfter = null;
  for (const message of held.splice(0)) message.finish(true);
}

function refuse(code, text) {
  const error = new Error(text);
  error.responseCode = code;
  return error;
}

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["AUTH", "STARTTLS"],
  banner: "newsportal test server",
  size: 10 * 1024 * 1024,
  logger: false,
  maxClients: 256,

  onRcptTo(address, session, callback) {
    const to = address.address.toLowerCase();
    let answer = 250;
    if (hardFail && hardFail.test(to)) {
      answer = 550;
    } else if (softFail && softFail.test(to)) {
      const seen = softFailures.get(to) || 0;
      if (seen < softFailTimes) {
        softFailures.set(to, seen + 1);
        answer = 451;
      }
    }
    attemptsLog.write(to + " " + answer + "\n");
    if (answer === 550) return callback(refuse(550, "5.1.1 No such mailbox"));
    if (answer === 451) return callback(refuse(451, "4.3.0 Try again later"));
    callback();
  },

  onData(stream, session, callback) {
    const chunks = [];
    stream.on("data", (chunk) => { if (!discard) chunks.push(chunk); });
    stream.on("end", () => {
      const finish = (answer) => {
        received++;
        const reply = (error) => { if (answer) callback(error || null); };
        if (discard) return reply();
        const name = String(Date.now()) + "-" + process.pid + "-" + received;
        const temporary = path.join(dir, name + ".tmp");
        // Written aside, then renamed: a reader of the folder never sees half a message.
        fs.writeFile(temporary, Buffer.concat(chunks), (error) => {
          if (error) return reply(error);
          fs.rename(temporary, path.join(dir, name + ".eml"), (renameError) => reply(renameError));
        });
      };
      if (holdAfter !== null && admitted >= holdAfter) {
        held.push({ session: session.id, finish });
        fs.appendFileSync(heldLog, session.id + "\n");
        return;
      }
      admitted++;
      if (delayMs > 0) setTimeout(() => finish(true), delayMs); else finish(true);
    });
  },

  onClose(session) {
    for (let i = held.length - 1; i >= 0; i--) {
      if (held[i].session !== session.id) continue;
      const [message] = held.splice(i, 1);
      message.finish(false);
    }
  },
});

server.on("error", (error) => { console.error("smtp error: " + error.message); });

server.listen(port, "127.0.0.1", () => {
  console.log("listening " + server.server.address().port);
});

function stop() {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 1000).unref();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
if (option("exit-with-stdin", false) === true) {
  // The test host holds our stdin open; when it goes away, however it died, so does this server.
  process.stdin.on("end", stop);
  let input = "";
  process.stdin.on("data", (chunk) => {
    input += chunk;
    let end;
    while ((end = input.indexOf("\n")) >= 0) {
      const line = input.slice(0, end).trim();
      input = input.slice(end + 1);
      if (line === "release") release();
    }
  });
  process.stdin.resume();
}
