# kraken-data-import-mock: a local stand-in for Kraken's data-import API.
#
#   docker build -t kraken-data-import-mock .
#   docker run --rm -p 8080:8080 kraken-data-import-mock
#
# Three stages so the runtime image holds only what `node dist/src/server.js`
# reads: the compiled code, the generated schemas, the seed and production
# dependencies. The compiler and test tools never reach it.

# --- build: compile TypeScript with the full (dev) dependency set ---
FROM node:22-bookworm-slim AS build
WORKDIR /app
# Manifests first, so the dependency layer is reused while only src changes.
COPY package.json package-lock.json ./
# No dependency needs an install script, so none is allowed to run.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# --- deps: production dependencies only, installed clean ---
# A fresh `npm ci --omit=dev` rather than pruning the build stage, so no dev
# package can linger and this layer does not change when only src does.
FROM node:22-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
  && npm cache clean --force

# --- runtime ---
FROM node:22-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080
WORKDIR /app
# Files stay owned by root: the mock only reads them, and the non-root user
# cannot alter its own code or seed.
COPY package.json package-lock.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY schemas ./schemas
COPY seed ./seed
USER node
EXPOSE 8080
# Slim images carry no curl, so node itself asks. It follows $PORT because a
# compose file or `docker run -e PORT=...` may move the listener.
HEALTHCHECK --interval=10s --timeout=3s --start-period=15s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) \
    + '/_mock/health', { signal: AbortSignal.timeout(2500) }) \
    .then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# node runs as PID 1; the server handles SIGTERM itself (close-with-grace),
# so `docker stop` drains requests instead of waiting for a kill.
CMD ["node", "dist/src/server.js"]
