// The signed-in frame: header (who, sign out), the sections the person may open, and the current
// section's screen. Routes live under /backoffice/<section>/...; the hub answers every such URL with
// the back office's page, so a reload stays where it was.
import { useEffect } from 'preact/hooks';
import { ErrorBoundary, Route, Router, useLocation } from 'preact-iso';
import { useI18n } from './i18n/i18n-context.tsx';
import { BASE_PATH, SECTIONS, sectionUrl, type Section } from './routes.tsx';
import { useSession } from './session-context.tsx';

function visible(section: Section, can: (p: NonNullable<Section['permission']>) => boolean): boolean {
  return section.permission === undefined || can(section.permission);
}

function Home() {
  const { route } = useLocation();
  const { can } = useSession();
  const first = SECTIONS.find((s) => visible(s, can)) ?? SECTIONS[0];
  useEffect(() => {
    if (first !== undefined) route(sectionUrl(first.path), true);
  }, [first, route]);
  return null;
}

function SectionRoute({ section }: { section: Section }) {
  const { t } = useI18n();
  const { can } = useSession();
  const Screen = section.screen;
  if (!visible(section, can)) {
    return (
      <section class="bo-screen">
        <h1>{t(section.label)}</h1>
        <p>{t('shell.noPermission')}</p>
      </section>
    );
  }
  return <Screen title={t(section.label)} />;
}

export function Shell() {
  const { t } = useI18n();
  const { session, can, signOut } = useSession();
  const { path } = useLocation();
  return (
    <div class="bo-shell">
      <a class="bo-skip" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header class="bo-header">
        <span class="bo-brand">{t('shell.title')}</span>
        <span class="bo-who">{t('shell.signedInAs', { name: session.display_name })}</span>
        <button type="button" onClick={() => void signOut()}>
          {t('shell.signOut')}
        </button>
      </header>
      <nav class="bo-nav" aria-label={t('shell.nav')}>
        <ul>
          {SECTIONS.filter((s) => visible(s, can)).map((s) => {
            const href = sectionUrl(s.path);
            const current = path === href || path.startsWith(`${href}/`);
            return (
              <li key={s.path}>
                <a href={href} aria-current={current ? 'page' : undefined}>
                  {t(s.label)}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
      <main class="bo-main" id="main" tabIndex={-1}>
        <ErrorBoundary>
          <Router>
            <Route path={BASE_PATH} component={Home} />
            <Route path={`${BASE_PATH}/`} component={Home} />
            {SECTIONS.flatMap((s) => [
              <Route key={s.path} path={sectionUrl(s.path)} component={SectionRoute} section={s} />,
              <Route key={`${s.path}/*`} path={`${sectionUrl(s.path)}/*`} component={SectionRoute} section={s} />,
            ])}
            <Route default component={Home} />
          </Router>
        </ErrorBoundary>
      </main>
    </div>
  );
}
