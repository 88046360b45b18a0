import { searchOptions } from './search-index.js';

/**
 * Inline at the end of `search.html`. Loads MiniSearch and the prebuilt index as classic scripts
 * (they work from `file://`, where `fetch` and module scripts do not) only when there is a query,
 * then lists the matching sections. Results are built with `textContent`, never `innerHTML`, so
 * nothing in the index or the query can become markup. A function, so that bundling
 * `renderChapterHtml` for a browser leaves it out.
 */
export function searchScript(): string {
  return `(function(){
var form=document.getElementById('search-form'),input=document.getElementById('search-input'),status=document.getElementById('search-status'),list=document.getElementById('search-results');
if(!form||!input||!status||!list)return;
var options=${JSON.stringify(searchOptions)},engine=null,waiting=[],timer=0;
function load(done){
  if(engine)return done();
  waiting.push(done);if(waiting.length>1)return;
  status.textContent='Loading the search index…';
  add('assets/minisearch.js',function(){add('search-index.js',function(){
    engine=MiniSearch.loadJS(window.dmlsSearchIndex,options);
    var w=waiting;waiting=[];w.forEach(function(f){f()});
  })});
}
function add(src,then){
  var s=document.createElement('script');s.src=src;s.onload=then;
  s.onerror=function(){waiting=[];status.textContent='The search index could not be loaded.'};
  document.head.appendChild(s);
}
function find(q){
  var o={prefix:function(t){return t.length>2},fuzzy:function(t){return t.length>4?0.2:0},boost:{title:3,chapter:0.5},combineWith:'AND'};
  var r=engine.search(q,o);
  if(!r.length){o.combineWith='OR';r=engine.search(q,o)}
  return r;
}
function show(q){
  while(list.firstChild)list.removeChild(list.firstChild);
  if(!q){status.textContent='';return}
  var r=find(q);
  status.textContent=r.length?(r.length>50?'The 50 best of '+r.length:r.length)+' result'+(r.length===1?'':'s')+' for “'+q+'”':'Nothing found for “'+q+'”.';
  r.slice(0,50).forEach(function(hit){
    var li=document.createElement('li'),a=document.createElement('a'),where=document.createElement('span'),p=document.createElement('p');
    a.href=hit.id;a.textContent=hit.title;where.className='search-where';where.textContent=hit.chapter;p.textContent=hit.excerpt;
    li.appendChild(a);li.appendChild(where);li.appendChild(p);list.appendChild(li);
  });
}
function run(){
  var q=input.value.trim();
  try{history.replaceState(null,'',q?'?q='+encodeURIComponent(q):location.pathname)}catch(e){}
  if(!q)return show('');
  load(function(){show(input.value.trim())});
}
form.addEventListener('submit',function(e){e.preventDefault();run()});
input.addEventListener('input',function(){clearTimeout(timer);timer=setTimeout(run,150)});
var q=new URLSearchParams(location.search).get('q');
if(q){input.value=q;run()}
})();`;
}
