# gongyi-graph: docs/operations.md. Two stages: the build (dev dependencies, tsc, the embedded
# database template) and the runtime (the build and production dependencies only, as `node`).
#   docker build -t gongyi-graph .
#   docker run -p 4000:4000 -v gongyi-data:/data gongyi-graph     # embedded PGlite in /data
# Node 20: the line CI runs (package.json "engines" lists the supported ones).

FROM node:20-bookworm-slim AS build
WORKDIR /app
# dependencies first, so that a change of sources reuses this layer; with no src/ yet, the
# prepare script (scripts/build.js --if-stale) builds nothing
COPY package.json package-lock.json ./
COPY scripts ./scripts
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY schema ./schema
COPY migrations ./migrations
COPY src ./src
RUN npm run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000 \
    DATA_DIR=/data
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
# no src/ here either: prepare builds nothing, and TypeScript is never installed
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY schema ./schema
COPY migrations ./migrations
COPY --from=build /app/dist ./dist
RUN mkdir /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 4000
# node:*-slim has no curl; Node's own fetch asks /readyz (503 while draining or without the database)
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
# node itself is PID 1 and handles SIGTERM (drains, then exits); no npm or shell in between
CMD ["node", "dist/main.js"]
