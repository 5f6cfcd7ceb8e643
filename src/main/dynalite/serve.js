// dynalite for imageproc's local stack. The JVM that starts this process holds its stdin open for as long as it lives,
// so end-of-file on stdin means that JVM stopped or was killed (kill -9 included): dynalite then closes its tables and
// exits, and no server is left behind holding the port and the data.
'use strict'

const { parseArgs } = require('node:util')
const dynalite = require('dynalite')

const { values: args } = parseArgs({
  options: { host: { type: 'string' }, port: { type: 'string' }, path: { type: 'string' } },
})
const STOP_TIMEOUT_MS = 5000

// tables need no CREATING phase here: nothing provisions capacity
const server = dynalite({ path: args.path, createTableMs: 0 })
server.on('error', (error) => {
  console.error(`dynalite cannot listen on ${args.host}:${args.port}: ${error.message}`)
  process.exit(2)
})
server.listen(Number(args.port), args.host, () => {
  console.log(`Dynalite listening at: http://${args.host}:${server.address().port}`)
})

let stopping = false
function stop () {
  if (stopping) return
  stopping = true
  setTimeout(() => process.exit(0), STOP_TIMEOUT_MS).unref()
  server.close(() => process.exit(0))
}

process.stdin.on('end', stop)
process.stdin.on('error', stop)
process.stdin.resume()
process.on('SIGTERM', stop)
// Ctrl-C in a terminal reaches the whole process group; the JVM handles it and stops this server in its turn
process.on('SIGINT', () => {})
process.on('SIGHUP', () => {})
