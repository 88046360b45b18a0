// Injected into every page by `dmls dev`: reloads when the book is rebuilt (keeping the scroll
// position) and shows compile errors as an overlay until they are fixed.
export const devClientScript = `(function(){
var key='dmls-dev-scroll:'+location.pathname;
try{var y=sessionStorage.getItem(key);if(y!==null){sessionStorage.removeItem(key);addEventListener('load',function(){scrollTo(0,+y)})}}catch(e){}
var seen=null;var source=new EventSource('/__dmls/events');
function overlay(list){var el=document.getElementById('dmls-dev-overlay');if(!list){if(el)el.remove();return}
if(!el){el=document.createElement('div');el.id='dmls-dev-overlay';el.setAttribute('role','alert');
el.style.cssText='position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2rem;background:rgba(20,20,20,.94);color:#fff;font:14px/1.5 ui-monospace,monospace;white-space:pre-wrap';
document.body.appendChild(el)}
el.textContent='dmls: the book has errors\\n\\n'+list.map(function(d){return d.file+':'+d.line+':'+d.column+'  '+d.message+'  ['+d.ruleId+']'+(d.hint?'\\n    → '+d.hint:'')}).join('\\n\\n')}
source.onmessage=function(m){var e=JSON.parse(m.data);
if(e.type==='errors'){overlay(e.diagnostics);return}
if(e.type==='hello'){if(seen!==null&&e.generation!==seen)reload();seen=e.generation;overlay(null);return}
if(e.type==='reload'){reload()}};
function reload(){try{sessionStorage.setItem(key,String(scrollY))}catch(e){}location.reload()}
})();`;
