// Boots the back office (backoffice/index.html): its styles, its language, the app. No service worker:
// the back office needs the hub for everything it shows.
import { render } from 'preact';
import './backoffice.css';
import { App } from './app.tsx';
import { I18nProvider } from './i18n/i18n-context.tsx';

const root = document.getElementById('app');
if (root === null) throw new Error('backoffice/index.html has no #app');
render(
  <I18nProvider>
    <App />
  </I18nProvider>,
  root,
);
