/**
 * The page's script, inlined. It reads the report data from the JSON block and builds every element
 * with `textContent`, so no report value is ever parsed as HTML. Results render 200 at a time, so
 * the page stays usable with thousands of them.
 */
export const PAGE_SCRIPT = `
(function(){
'use strict';
var data=JSON.parse(document.getElementById('report-data').textContent);
var PAGE=200;var shown=PAGE;var filter={vendor:'',suite:'',state:'',text:''};
function el(tag,attrs,children){var e=document.createElement(tag);if(attrs)for(var k in attrs){if(k==='text')e.textContent=attrs[k];else if(k==='class')e.className=attrs[k];else if(k.indexOf('on')===0)e.addEventListener(k.slice(2),attrs[k]);else e.setAttribute(k,attrs[k]);}
(children||[]).forEach(function(c){if(c!==null&&c!==undefined)e.appendChild(typeof c==='string'?document.createTextNode(c):c);});return e;}
function $(id){return document.getElementById(id);}
function options(select,values,label){select.appendChild(el('option',{value:'',text:label}));values.forEach(function(v){select.appendChild(el('option',{value:v,text:v}));});}
function matches(r){return(!filter.vendor||r.vendor===filter.vendor)&&(!filter.suite||r.suite===filter.suite)&&(!filter.state||r.state===filter.state)&&(!filter.text||(r.id+' '+r.contract+' '+r.case+' '+r.check+' '+r.title).toLowerCase().indexOf(filter.text)!==-1);}
function pct(a,b){return b===0?'n/a':Math.round(100*a/b)+'%';}
function cards(){var box=$('vendors');box.textContent='';data.vendors.forEach(function(v){if(filter.vendor&&v.vendor!==filter.vendor)return;var ran=v.passed+v.failed;
box.appendChild(el('div',{class:'card','data-vendor':v.vendor},[el('div',{text:v.vendor}),el('b',{class:v.failed?'bad':'ok',text:pct(v.passed,ran)}),el('div',{class:'muted',text:v.passed+'/'+ran+' checks passed'+(v.skipped?', '+v.skipped+' skipped':'')}),
el('div',{class:'muted',text:'coverage '+v.covered+'/'+v.documented+' documented items ('+pct(v.covered,v.documented)+')'})]));});}
function matrix(){var t=$('matrix');t.textContent='';var head=el('tr',null,[el('th',{text:'contract'})].concat(data.suites.map(function(s){return el('th',{text:s});})));t.appendChild(head);
var ids=[];data.results.forEach(function(r){if(ids.indexOf(r.contract)===-1)ids.push(r.contract);});data.contracts.forEach(function(c){if(ids.indexOf(c.id)===-1)ids.push(c.id);});
ids.forEach(function(id){var vendor=id.split('/')[0];if(filter.vendor&&vendor!==filter.vendor)return;var row=el('tr',null,[el('th',{text:id})]);data.suites.forEach(function(s){var mine=data.results.filter(function(r){return r.contract===id&&r.suite===s;});
var f=mine.filter(function(r){return r.state==='failed';}).length,p=mine.filter(function(r){return r.state==='passed';}).length,k=mine.length-f-p;var cls=mine.length===0?'none':f?'fail':p?'pass':'skip';
var text=mine.length===0?'-':p+'/'+(p+f)+(k?' ('+k+' skipped)':'');row.appendChild(el('td',{class:'cell '+cls,'data-contract':id,'data-suite':s,title:'show these results',text:text,onclick:function(){setFilter({vendor:vendor,suite:s,state:f?'failed':''});}}));});t.appendChild(row);});}
function values(v){var rows=[el('span',{text:'what'}),el('span',{text:v.rule+(v.severity==='warning'?' (warning)':'')}),el('span',{text:'where'}),el('code',{class:'where',text:v.where})];
if(v.context){rows.push(el('span',{text:'context'}),el('span',{text:v.context}));}
if(v.expected!==undefined&&v.actual!==undefined){rows.push(el('span',{text:'expected'}),el('pre',{class:'expected',text:v.expected}),el('span',{text:'actual'}),el('pre',{class:'actual',text:v.actual}));if(v.fix)rows.push(el('span',{text:'fix'}),el('span',{class:'fix',text:v.fix}));}
else rows.push(el('span',{text:'message'}),el('span',{class:'message',text:v.message}));return el('div',{class:'violation '+v.severity},[el('div',{class:'kv'},rows)]);}
function detail(r){var parts=r.violations.map(values);if(r.reason)parts.push(el('div',{class:'muted',text:'skipped: '+r.reason}));
var file=r.file||(data.contracts.filter(function(c){return c.id===r.contract;})[0]||{}).file;if(file)parts.push(el('div',{class:'kv'},[el('span',{text:'file'}),el('code',{class:'file',text:file})]));
if(r.reproduce)parts.push(el('div',{class:'kv'},[el('span',{text:'rerun'}),el('code',{class:'reproduce',text:r.reproduce})]));return el('div',{class:'detail'},parts);}
function resultRow(r){var box=el('div',{class:'result','data-state':r.state,'data-vendor':r.vendor,'data-id':r.id});var open=null;
var mark={failed:'\\u2717',passed:'\\u2713',skipped:'\\u2193'}[r.state];var btn=el('button',{type:'button','aria-expanded':'false',onclick:function(){if(open){box.removeChild(open);open=null;btn.setAttribute('aria-expanded','false');}else{open=detail(r);box.appendChild(open);btn.setAttribute('aria-expanded','true');}}},
[el('span',{class:'state '+r.state,text:mark}),el('span',{text:r.contract+' \\u203a '+r.case+' \\u203a '+r.check}),el('span',{class:'muted',text:r.title+(r.violations.length&&r.state==='passed'?' \\u2014 '+r.violations.length+' warning(s)':'')})]);box.appendChild(btn);return box;}
function results(){var list=$('results');list.textContent='';var hits=data.results.filter(matches);$('count').textContent=hits.length+' of '+data.results.length+' results';
hits.slice(0,shown).forEach(function(r){list.appendChild(resultRow(r));});if(hits.length>shown)list.appendChild(el('button',{class:'more',type:'button',text:'show '+Math.min(PAGE,hits.length-shown)+' more',onclick:function(){shown+=PAGE;results();}}));}
function findings(){var box=$('findings');box.textContent='';var list=data.findings.filter(function(f){return!filter.vendor||f.contract.split('/')[0]===filter.vendor;});$('findings-count').textContent=String(list.length);
list.forEach(function(f){box.appendChild(el('details',{class:'finding'},[el('summary',null,[el('code',{text:f.contract}),' ',f.title,' ',el('span',{class:'muted',text:'['+f.id+']'})]),el('div',{class:'muted',text:'at '+f.location}),el('pre',{class:'evidence',text:f.evidence})]));});}
function warnings(){var box=$('warnings');box.textContent='';var list=data.warnings.filter(function(w){return!filter.vendor||w.contract.split('/')[0]===filter.vendor;});$('warnings-count').textContent=String(list.reduce(function(n,w){return n+w.cases.length;},0));
list.forEach(function(w){box.appendChild(el('details',{class:'warning'},[el('summary',null,[w.cases.length+'\\u00d7 ',el('code',{text:w.contract}),' '+w.checks.join(', ')+': '+w.message.slice(0,160)]),el('pre',{text:w.message}),el('div',{class:'muted',text:'cases: '+w.cases.join(', ')})]));});}
function ev(v){return v===undefined?'(absent)':typeof v==='string'?JSON.stringify(v):String(v);}
function diffPair(a,b){var i=0;while(i<a.length&&i<b.length&&a[i]===b[i])i++;var j=0;while(j<a.length-i&&j<b.length-i&&a[a.length-1-j]===b[b.length-1-j])j++;
return[el('pre',{class:'before'},[a.slice(0,i),el('del',{text:a.slice(i,a.length-j)}),a.slice(a.length-j)]),el('pre',{class:'after'},[b.slice(0,i),el('ins',{text:b.slice(i,b.length-j)}),b.slice(b.length-j)])];}
function drift(){var sec=$('drift-section');if(data.drift.length===0){sec.hidden=true;return;}var box=$('drift');box.textContent='';
data.drift.filter(function(d){return(!filter.vendor||d.contract.split('/')[0]===filter.vendor);}).forEach(function(d){var p=diffPair(ev(d.before),ev(d.after));
box.appendChild(el('details',{class:'drift '+d.severity},[el('summary',null,[el('b',{text:d.severity}),' ',el('code',{text:d.contract+' \\u203a '+d.case}),' '+d.id+' at '+d.path]),el('div',{class:'muted',text:d.message+' ('+d.file+')'}),el('div',{class:'kv'},[el('span',{text:'before'}),p[0],el('span',{text:'after'}),p[1]])]));});}
function setFilter(f){for(var k in f)filter[k]=f[k];shown=PAGE;$('filter-vendor').value=filter.vendor;$('filter-suite').value=filter.suite;$('filter-state').value=filter.state;render();}
function render(){cards();matrix();results();findings();warnings();drift();}
options($('filter-vendor'),data.vendors.map(function(v){return v.vendor;}),'all vendors');options($('filter-suite'),data.suites,'all suites');options($('filter-state'),['failed','passed','skipped'],'all states');
$('filter-vendor').addEventListener('change',function(e){setFilter({vendor:e.target.value});});$('filter-suite').addEventListener('change',function(e){setFilter({suite:e.target.value});});
$('filter-state').addEventListener('change',function(e){setFilter({state:e.target.value});});$('filter-text').addEventListener('input',function(e){setFilter({text:e.target.value.toLowerCase()});});
if(data.results.some(function(r){return r.state==='failed';}))filter.state='failed';setFilter({});
})();
`;
