// V1 Create Account Notes: POST /v1/data-import/notes/create/
import type { FastifyInstance } from 'fastify'
import { createNoteImport } from '../../../domain/post-import/notes.js'
import { reportUndocumented } from '../../kraken.js'

export async function notesRoutes (app: FastifyInstance): Promise<void> {
  const notes = createNoteImport(app)

  app.post('/v1/data-import/notes/create/', async (request, reply) => {
    const created = notes.createNotes(request.body)
    reportUndocumented(reply, created.warnings)
    if (created.pathsUnchecked) {
      request.log.warn({ limitation: 'document_existence_not_checked' },
        'document paths accepted without checking the file store')
    }
    return reply.code(201).send(created.body)
  })
}
