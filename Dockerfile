# PressReleases: one image, for a site on one machine and for the nodes of a multi-node deployment.
#
# One machine: the site over its SQLite store (the default), ingesting its source folder itself.
#   docker build -t pressreleases .
# Run with the seed releases baked into the image (/app/seeds):
#   docker run -p 8080:8080 -v pr-data:/data pressreleases
# Run against a mounted folder of releases (e.g. the full beehive-markdown export):
#   docker run -p 8080:8080 -v /path/to/releases:/releases:ro -e PressReleases__SourceFolder=/releases -v pr-data:/data pressreleases
#
# Several nodes: compose.yaml (docker compose up --build) runs this image as every web node and as the ingester,
# over a shared PostgreSQL store, configured by environment variables alone. The ENTRYPOINT runs the site's
# assembly, so a service's `command` is its arguments: none for a node (the site), `ingest /releases --watch`
# for the ingester. tests/PressReleases.Web.Tests/Deployment checks that the two files agree.
#
# /data is the data directory: the SQLite store and the search index, or with PostgreSQL only this container's
# own index. Keep it on a volume (one per container) so it survives restarts.

# ---- build ------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, from the build settings and project files only, so the restore
# layer is reused until a package or project reference changes.
# Only the web project (and Core, which it references) is restored: tests are not needed.
COPY global.json Directory.Build.props Directory.Packages.props PressReleases.sln .editorconfig ./
COPY src/PressReleases.Core/PressReleases.Core.csproj src/PressReleases.Core/
COPY src/PressReleases.Web/PressReleases.Web.csproj src/PressReleases.Web/
RUN dotnet restore src/PressReleases.Web/PressReleases.Web.csproj -r linux-x64 -p:PublishReadyToRun=true

COPY src/ src/
# ReadyToRun: the site starts without waiting for the JIT (about half of its start time; docs/performance.md).
RUN dotnet publish src/PressReleases.Web/PressReleases.Web.csproj \
        -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
        -o /app --no-restore /p:UseAppHost=false

# ---- runtime ----------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app

COPY --from=build /app ./
# Sample releases (with their SOURCE.md and LICENSE.md, which the ingester skips).
COPY seeds/ /app/seeds/

# The data directory must be writable by the non-root user the site runs as.
RUN mkdir /data && chown app /data

ENV ASPNETCORE_URLS=http://+:8080 \
    PressReleases__JsonLogs=true \
    PressReleases__DataDirectory=/data \
    PressReleases__SourceFolder=/app/seeds

VOLUME /data
EXPOSE 8080

# Non-root user provided by the aspnet image.
USER app

# Ready (200 from /healthz) or not, asked by the site's own verb: the runtime image has no curl. A node builds its
# index from the store at start (about 21 s for the full corpus on 2 cores), hence the start period. The ingester's
# service in compose.yaml runs the ingest verb, serves nothing, and turns this off.
HEALTHCHECK --interval=30s --timeout=10s --start-period=120s --retries=3 CMD ["dotnet", "PressReleases.Web.dll", "healthcheck"]

ENTRYPOINT ["dotnet", "PressReleases.Web.dll"]
