// Whether the mock reports ready, and work that can wait until it is
// (compiling the control API's request schemas): once ready, such jobs run
// in the background, one per turn of the event loop, so that no request
// waits behind all of them at once. A job given after that runs the same
// way.
export class Readiness {
  #ready = false
  readonly #jobs: Array<() => void> = []
  #running = false
  readonly #onError: (err: unknown) => void

  constructor (onError: (err: unknown) => void) {
    this.#onError = onError
  }

  get ready (): boolean {
    return this.#ready
  }

  markReady (): void {
    this.#ready = true
    this.#drain()
  }

  afterReady (job: () => void): void {
    this.#jobs.push(job)
    if (this.#ready) this.#drain()
  }

  // Jobs waiting to run.
  get pending (): number {
    return this.#jobs.length
  }

  #drain (): void {
    if (this.#running) return
    this.#running = true
    const next = (): void => {
      const job = this.#jobs.shift()
      if (job === undefined) {
        this.#running = false
        return
      }
      // A failing job only fails itself; what it would have prepared is
      // done again, and reported, when it is first needed.
      try { job() } catch (err) { this.#onError(err) }
      setImmediate(next)
    }
    setImmediate(next)
  }
}
