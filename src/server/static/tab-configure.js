// The channel tab's configuration: the tab is the same page for every channel, so it is valid at once.
const teams = window.microsoftTeams;
await teams.app.initialize();
teams.pages.config.registerOnSaveHandler((save) => {
  const contentUrl = `${location.origin}/?inTeams=1`;
  teams.pages.config.setConfig({ entityId: 'panel-papers', contentUrl, websiteUrl: `${location.origin}/`, suggestedDisplayName: 'Panel Papers' }).then(() => save.notifySuccess(), (error) => save.notifyFailure(String(error)));
});
teams.pages.config.setValidityState(true);
