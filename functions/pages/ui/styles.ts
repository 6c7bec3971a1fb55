/**
 * The pages' CSS, inlined in each page so that nothing else is fetched. Colours keep at least
 * 4.5:1 contrast for text (navy #13315c and ink #1b1f24 on white; white on navy).
 */
export const BASE_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:#1b1f24;background:#f4f6f8}
a{color:#0b57a4}
a:focus-visible,button:focus-visible,input:focus-visible,summary:focus-visible,[tabindex]:focus-visible{outline:3px solid #f2a900;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem;z-index:9}
.skip:focus{left:.5rem}
.top{background:#13315c;color:#fff}
.top a{color:#fff}
.bar{max-width:64rem;margin:0 auto;padding:.75rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between}
.org{margin:0;font-size:.875rem;opacity:.95}
.lang{font-size:.875rem}
.lang a{display:inline-flex;align-items:center;justify-content:center;min-width:2.75rem;min-height:2rem;padding:0 .5rem}
main{max-width:64rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;line-height:1.25;margin:.25rem 0 .5rem}
h2{font-size:1.25rem;margin:0 0 .75rem}
h3{font-size:1.05rem;margin:0}
.muted{color:#4a5560}
.card{background:#fff;border:1px solid #d5dbe1;border-radius:.5rem;padding:1rem;margin:0 0 1rem}
button,.btn{font:inherit;font-weight:600;border:2px solid #13315c;border-radius:.375rem;padding:.5rem 1rem;background:#13315c;color:#fff;cursor:pointer}
button.ghost{background:transparent;color:#fff;border-color:#fff;padding:.25rem .75rem}
.notice{border-left:4px solid #1a7f37;background:#eaf6ec;padding:.75rem 1rem;margin:0 0 1rem}
.notice.err{border-color:#b42318;background:#fdecea}
footer{max-width:64rem;margin:0 auto;padding:1rem;font-size:.875rem;color:#4a5560}
`;

export const ANNOUNCE_CSS = `
.hero{text-align:center;padding:1.5rem 1rem}
.date{font-weight:600;color:#13315c}
.wait{text-align:center;padding:2.5rem 1rem}
.wait h2{font-size:1.6rem;color:#13315c}
ol.win{list-style:none;margin:0;padding:0}
.win li{display:grid;grid-template-columns:3.25rem 1fr;gap:.25rem 1rem;background:#fff;border:1px solid #d5dbe1;border-radius:.5rem;padding:1rem;margin:0 0 .75rem}
.no{grid-row:span 3;width:3.25rem;height:3.25rem;border-radius:50%;background:#13315c;color:#fff;display:flex;align-items:center;justify-content:center;font-size:1.35rem;font-weight:700}
.win li:nth-child(-n+3) .no{background:#f2a900;color:#1b1f24}
.meta{margin:.15rem 0;color:#4a5560;font-size:.9375rem}
.meta>:is(span,bdi)+:is(span,bdi)::before{content:" · "}
.score{font-weight:700;color:#13315c;white-space:nowrap}
.tie{display:inline-block;margin-left:.35rem;padding:0 .4rem;border:1px solid #8a5a00;border-radius:.25rem;color:#6b4700;font-size:.8125rem;font-weight:600}
.sum{margin:.35rem 0 0;grid-column:2}
.tienote{font-style:italic}
.seal{font-size:.8125rem;color:#4a5560;text-align:center;overflow-wrap:anywhere}
.hero .notice{text-align:left}
.respond{background:#fff;border:1px solid #d5dbe1;border-radius:.5rem;padding:1rem;margin:1rem 0}
.respond label{display:block;font-weight:600;margin:.5rem 0 .25rem}
.respond input,.respond textarea{font:inherit;width:100%;padding:.5rem;border:2px solid #4a5560;border-radius:.375rem}
.respond button{margin-top:.75rem}
@media (max-width:30rem){.win li{grid-template-columns:2.5rem 1fr;gap:.25rem .75rem}.no{width:2.5rem;height:2.5rem;font-size:1.1rem}h1{font-size:1.3rem}}
@media print{
@page{size:A4;margin:15mm}
body{background:#fff;font-size:11pt}
.top,.noprint,.skip,footer{display:none}
main{max-width:none;padding:0}
.hero{padding:0 0 8mm}
.win li{break-inside:avoid;border:1px solid #999;border-radius:0;padding:3mm 4mm;margin:0 0 3mm}
.no,.win li:nth-child(-n+3) .no{background:none;color:#000;border:2px solid #000}
a{color:#000;text-decoration:none}
}
`;

export const DASHBOARD_CSS = `
.toc{display:flex;flex-wrap:wrap;gap:.25rem 1rem;padding:0;margin:0;list-style:none;font-size:.9375rem}
.stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.75rem;margin:0}
.stats div{background:#f4f6f8;border-radius:.375rem;padding:.5rem .75rem}
.stats dt{font-size:.875rem;color:#4a5560}
.stats dd{margin:0;font-size:1.5rem;font-weight:700}
.sync{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-end;justify-content:space-between}
.sync dl{display:grid;grid-template-columns:auto 1fr;gap:.125rem .75rem;margin:0}
.sync dt{color:#4a5560}
.sync dd{margin:0}
.st{font-weight:700}
.st-failed,.st-busy{color:#b42318}
.st-written{color:#1a7f37}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;width:100%;font-size:.875rem}
caption{text-align:left;font-weight:600;padding:0 0 .35rem}
th,td{padding:.3rem .5rem;border-bottom:1px solid #e1e5ea;text-align:left;vertical-align:top}
th{background:#eef1f4;font-weight:600}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.f{display:inline-block;padding:0 .3rem;border-radius:.25rem;font-size:.75rem;margin:0 .15rem .1rem 0;border:1px solid}
.ft{color:#6b4700;border-color:#8a5a00;background:#fff6dc}
.fi{color:#8c1d13;border-color:#b42318;background:#fdecea}
.fa{color:#14602a;border-color:#1a7f37;background:#eaf6ec}
.rk td:nth-child(1),.rk td:nth-child(4),.rk td:nth-child(5),.rk th:nth-child(1),.rk th:nth-child(4),.rk th:nth-child(5){text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.rk small{display:block;font-size:.75rem;color:#4a5560}
@media (max-width:40rem){.rk td:nth-child(3),.rk th:nth-child(3),.rk td:nth-child(5),.rk th:nth-child(5){display:none}}
meter{width:6rem}
details{margin:0 0 .75rem}
summary{cursor:pointer;font-weight:600;padding:.25rem 0}
svg{display:block;max-width:100%;height:auto}
svg text{font-family:inherit}
.chart{max-width:40rem}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.scroll table.wide{min-width:34rem}
.wide code{white-space:nowrap}
.grid2{display:grid;gap:1rem}
@media (min-width:56rem){.grid2{grid-template-columns:3fr 2fr}}
.login{max-width:26rem;margin:2rem auto}
label{display:block;font-weight:600;margin:0 0 .25rem}
input[type=password]{font:inherit;width:100%;padding:.5rem;border:2px solid #4a5560;border-radius:.375rem;margin:0 0 1rem}
.fix{border-top:1px solid #d5dbe1;margin-top:1rem;padding-top:.75rem}
.fix input:not([type]),.fix textarea{font:inherit;width:100%;padding:.4rem;border:2px solid #4a5560;border-radius:.375rem;margin:0 0 .5rem}
.fix fieldset{border:1px solid #d5dbe1;border-radius:.375rem;margin:0 0 .75rem}
label.inline{display:inline;font-weight:400}
tr.after td{background:#fff6dc;font-weight:600}
@media print{
body{background:#fff}
.top,.noprint,.skip,form{display:none}
.card{border:0;padding:0;break-inside:avoid-page}
details>*{display:block}
}
`;
