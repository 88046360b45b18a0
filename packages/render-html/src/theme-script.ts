// Inline in every page's <head>: applies the remembered theme before first paint, then wires the
// toggle and closes the contents menu on narrow screens. Without JavaScript the page follows the
// system theme and the menu stays open, so nothing is lost.
const script = `(function(){var d=document.documentElement,k='dmls-theme';try{var t=localStorage.getItem(k);if(t==='light'||t==='dark')d.dataset.theme=t}catch(e){}
function dark(){return d.dataset.theme?d.dataset.theme==='dark':matchMedia('(prefers-color-scheme: dark)').matches}
document.addEventListener('DOMContentLoaded',function(){var b=document.querySelector('.theme-toggle');if(b){b.hidden=false;b.setAttribute('aria-pressed',String(dark()));b.addEventListener('click',function(){d.dataset.theme=dark()?'light':'dark';b.setAttribute('aria-pressed',String(dark()));try{localStorage.setItem(k,d.dataset.theme)}catch(e){}})}
var m=document.querySelector('.toc-details');if(m&&matchMedia('(max-width: 60rem)').matches)m.open=false})})();`;

export default script;
