import { readCuratorFeed } from '../../curator-feed';
import { homeView } from '../../home-blocks';
import type { Listener } from '../types';

/** The Home tab, published each time it is opened, so examples and sources follow the knowledge in service (the default book). */
export const appHomeOpened: Listener = {
  kind: 'event',
  name: 'app_home_opened',
  register(app, deps) {
    app.event('app_home_opened', async ({ event, client }) => {
      if (event.tab !== 'home') return;
      const feed = deps.curators.has(event.user) ? await readCuratorFeed(deps.feedback) : undefined;
      await client.views.publish({ user_id: event.user, view: homeView(deps.engines.current(), feed) });
    });
  },
};
