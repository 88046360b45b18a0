// Inline in every page's <head>: applies the remembered theme before first paint, then wires the
// toggle and closes the contents menu on narrow screens. Without JavaScript the page follows the
// system theme and the menu stays open, so nothing is lost.
const script = `(function(){var d=document.documentElement,k='dmls-theme';try{var t=localStorage.getItem(k);if(t)d.dataset.theme=t}catch(e){}
document.addEventListener('DOMContentLoaded',function(){var b=document.querySelector('.theme-toggle');if(b){b.hidden=false;b.addEventListener('click',function(){var dark=d.dataset.theme?d.dataset.theme==='dark':matchMedia('(prefers-color-scheme: dark)').matches;d.dataset.theme=dark?'light':'dark';try{localStorage.setItem(k,d.dataset.theme)}catch(e){}})}
var m=document.querySelector('.toc-details');if(m&&matchMedia('(max-width: 60rem)').matches)m.open=false})})();`;

export default script;
