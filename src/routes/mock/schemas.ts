// Schema pieces the control routes share. They validate requests and
// describe every route in the served OpenAPI document.

export const ADMIN_SECURITY = [{ mockAdminToken: [] }]

export const mockError = {
  type: 'object',
  required: ['detail', 'code'],
  properties: {
    detail: { type: 'string' },
    code: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          detail: { type: 'string' },
          code: { type: 'string' },
          attr: { type: 'string' }
        }
      }
    }
  }
} as const

const refused = (description: string) => ({ description, ...mockError })

// The answers every control route may give besides its own.
export function controlResponses (ok: Record<string, unknown>,
  more: Record<number, string> = {}, okStatus = 200): Record<number, unknown> {
  const extra = Object.fromEntries(Object.entries(more)
    .map(([status, description]) => [status, refused(description)]))
  return {
    [okStatus]: ok,
    ...extra,
    401: refused('The admin token is required and was not sent.'),
    403: refused('The admin token is wrong, or required and not configured.')
  }
}

export function controlSchema (tag: string, summary: string,
  parts: Record<string, unknown>): Record<string, unknown> {
  return { tags: [tag], summary, security: ADMIN_SECURITY, ...parts }
}

export const clockState = {
  description: 'The mock clock',
  type: 'object',
  properties: {
    now: { type: 'string', format: 'date-time' },
    frozen: { type: 'boolean' },
    offsetMs: { type: 'number' }
  }
} as const

export const dateTime = {
  type: 'string',
  format: 'date-time',
  examples: ['2025-01-31T09:00:00Z']
} as const
