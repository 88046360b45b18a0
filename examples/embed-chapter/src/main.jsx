// One chapter of the notes inside an app that owns the page: its own <h1>, its own URLs for
// cross-references, its own components for links and figures.
import { chapter } from '@dmls/content/chapters/training-data';
import { adaptTree, renderChapterHtml } from '@dmls/render-html';
import { contentCss } from '@dmls/theme';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';

const options = {
  // The app's page already has an <h1>: the chapter's ## headings become <h3>.
  headingOffset: 1,
  // Ids cannot clash with the app's own.
  idPrefix: 'notes-',
  // Cross-references go to the app's routes, not to the site's pages.
  resolveLink: (ref) => `#/notes/${ref.chapter}${ref.section ? `/${ref.section}` : ''}`,
};

/** Links to other chapters get the app's style; the rest stay plain links. */
function Link({ node, ...props }) {
  return props['data-chapter'] ? <a {...props} className="app-link" /> : <a {...props} />;
}

/** The component way: walk the tree (hast) and render every element with React. */
function ChapterWithComponents() {
  return toJsxRuntime(adaptTree(chapter, options), { Fragment, jsx, jsxs, passNode: true, components: { a: Link } });
}

/** The quick way: the chapter as an HTML string, sanitised when it was compiled. */
function ChapterAsHtml() {
  return <div dangerouslySetInnerHTML={{ __html: renderChapterHtml(chapter, options) }} />;
}

function App() {
  const [mode, setMode] = useState('components');
  return (
    <>
      <style>{contentCss}</style>
      <header>
        <h1>{chapter.title}</h1>
        <p>
          Chapter {chapter.number} of the notes, {chapter.readingMinutes} min read.{' '}
          <label>
            Render with{' '}
            <select value={mode} onChange={(e) => setMode(e.target.value)}>
              <option value="components">React components (adaptTree + hast-util-to-jsx-runtime)</option>
              <option value="html">an HTML string (renderChapterHtml)</option>
            </select>
          </label>
        </p>
      </header>
      <main>{mode === 'components' ? <ChapterWithComponents /> : <ChapterAsHtml />}</main>
    </>
  );
}

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
