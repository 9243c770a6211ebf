// The dashboard's frame: a sign-in gate (an API token), the navigation, and one route per
// screen. Paths are under /ui/ (the API keeps the root); filters live in each URL's query.
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Link, Route, Router, Switch, useLocation } from 'wouter';
import { forgetToken, readToken } from './api/token';
import { Loading } from './components/states';
import { Login } from './screens/login';
import { Live } from './screens/live';

// Screens other than the first load on demand, so the first screen's script stays small.
const Timeline = lazy(() => import('./screens/timeline').then((m) => ({ default: m.Timeline })));
const ActorPage = lazy(() => import('./screens/actor').then((m) => ({ default: m.ActorPage })));
const Dyad = lazy(() => import('./screens/dyad').then((m) => ({ default: m.Dyad })));
const Trends = lazy(() => import('./screens/trends').then((m) => ({ default: m.Trends })));
const Personnel = lazy(() => import('./screens/personnel').then((m) => ({ default: m.Personnel })));
const Opinion = lazy(() => import('./screens/opinion').then((m) => ({ default: m.Opinion })));
const Search = lazy(() => import('./screens/search').then((m) => ({ default: m.Search })));
const Article = lazy(() => import('./screens/article').then((m) => ({ default: m.Article })));
const Briefs = lazy(() => import('./screens/briefs').then((m) => ({ default: m.Briefs })));
const Sources = lazy(() => import('./screens/sources').then((m) => ({ default: m.Sources })));
const Rules = lazy(() => import('./screens/rules').then((m) => ({ default: m.Rules })));

const NAV: [string, string][] = [
  ['/', 'Live'],
  ['/timeline', 'Timeline'],
  ['/dyad', 'Dyad'],
  ['/trends', 'Trends'],
  ['/personnel', 'Personnel'],
  ['/opinion', 'Columnists & readers'],
  ['/search', 'Search'],
  ['/briefs', 'Briefs'],
  ['/sources', 'Sources'],
  ['/rules', 'Rules & alerts'],
];

function Nav({ onSignOut }: { onSignOut: () => void }) {
  const [location] = useLocation();
  const current = (href: string) => (href === '/' ? location === '/' : location.startsWith(href));
  return (
    <nav className="nav" aria-label="Screens">
      <span className="brand">Readout</span>
      <ul>
        {NAV.map(([href, label]) => (
          <li key={href}>
            <Link href={href} aria-current={current(href) ? 'page' : undefined}>
              {label}
            </Link>
          </li>
        ))}
      </ul>
      <button type="button" className="signout" onClick={onSignOut}>
        Sign out
      </button>
    </nav>
  );
}

function Screen({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading what="the screen" />}>{children}</Suspense>;
}

export function App() {
  const [token, setToken] = useState(readToken);
  if (!token) return <Login onToken={setToken} />;
  return (
    <Router base="/ui">
      <a href="#main" className="skip">
        Skip to content
      </a>
      <Nav
        onSignOut={() => {
          forgetToken();
          setToken(null);
        }}
      />
      <main id="main" tabIndex={-1}>
        <Screen>
          <Switch>
            <Route path="/">
              <Live />
            </Route>
            <Route path="/timeline">
              <Timeline />
            </Route>
            <Route path="/actors/:id">{() => <ActorPage />}</Route>
            <Route path="/dyad">
              <Dyad />
            </Route>
            <Route path="/trends">
              <Trends />
            </Route>
            <Route path="/personnel">
              <Personnel />
            </Route>
            <Route path="/opinion">
              <Opinion />
            </Route>
            <Route path="/search">
              <Search />
            </Route>
            <Route path="/articles/:id">{() => <Article />}</Route>
            <Route path="/briefs">
              <Briefs />
            </Route>
            <Route path="/sources">
              <Sources />
            </Route>
            <Route path="/rules">
              <Rules />
            </Route>
            <Route>
              <h1>Not found</h1>
              <p>
                No screen here. <Link href="/">Go to Live</Link>.
              </p>
            </Route>
          </Switch>
        </Screen>
      </main>
    </Router>
  );
}
