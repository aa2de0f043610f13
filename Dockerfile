# The portal as a container: build with the SDK image, run on the ASP.NET runtime image.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
COPY . .
RUN dotnet publish src/NewsPortal.Web -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
# ICU for Arabic collation and the Umm al-Qura calendar, tzdata for the newsroom's time zone.
RUN apt-get update && apt-get install -y --no-install-recommends libicu72 tzdata curl && rm -rf /var/lib/apt/lists/*
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 \
    ConnectionStrings__NewsPortal="Data Source=/data/newsportal.db" \
    Uploads__Directory=/data/uploads \
    Mail__PickupDirectory=/data/mail-outbox
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --retries=3 CMD curl -fsS http://localhost:8080/healthz || exit 1
ENTRYPOINT ["dotnet", "NewsPortal.Web.dll"]
