"""The words the site's own templates show, in each language (Material translates its own).

The hook gives templates the current edition's words as `text`; a test keeps every
language's keys the same as English's.
"""

from .vocabulary import LOCAL_LABELS

TEXT = {
    "en": {
        "related_pages": "Related pages",
        "sources": "Sources",
        "accessed": "Accessed {date}.",
        "based_on": "Used on this page for:",
        "next_check": "Next check due",
        "checked_by": "Checked by: {role}. Status: {status}.",
        "link_to_page": "Link to this page",
        "page_address": "The address of this page, to link to it, share it or read the latest version:",
        "qr_alt": "QR code that opens this page: {url}",
        "section_link": "Link to this section",
        "disclaimer": "This page does not replace your midwife, health visitor or doctor.",
        "how_made": "We write and translate this site's pages with AI tools, and check them against their sources with AI tools.",
        "not_reviewed": "No clinician or professional translator has reviewed them yet.",
        "how_made_link": "How we make the pages",
        "found_mistake": "Found a mistake or something unclear?",
        "tell_us": "Tell us",
        "feedback_handling": "how we handle feedback",
        "not_found_title": "Page not found",
        "not_found": "We could not find this page. The address may be mistyped, or the page may have moved.",
        "worried": "Worried about a symptom? Read",
        "when_to_get_help": "when to get help",
        "search_site": "Search this site",
        "search_label": "Type a word or a worry, in your own words",
        "search_button": "Search",
        "topics": "Topics",
        "home_page": "Home page",
        "language_switch": "Read this page in another language",
        "translation_process": "How we translate pages",
        "colon": ": ",
        "gap": " ",
        "aside_open": "(",
        "aside_close": ").",
        "copy_link": "Copy link",
        "link_copied": "Link copied",
        "copy_failed": "Could not copy: select the address and copy it",
        "load_failed": "Search and the colour switch could not load. Check your connection, then try again.",
    },
    "zh": {
        "related_pages": "相关页面",
        "sources": "参考来源",
        "accessed": "访问于 {date}。",
        "based_on": "本页用它说明：",
        "next_check": "下次核查",
        "checked_by": "英文原文核查：{role}。状态：{status}。",
        "link_to_page": "链接到本页",
        "page_address": "本页的地址，可以用来链接、分享或查看最新版本：",
        "qr_alt": "打开本页的二维码：{url}",
        "section_link": "链接到本节",
        "disclaimer": "本页不能代替你的医生、助产士或其他医护人员。",
        "how_made": "本站的页面用人工智能工具编写和翻译，并用人工智能工具对照来源核查。",
        "not_reviewed": "目前还没有临床医生或专业译者审核过。",
        "how_made_link": "我们怎样制作页面",
        "found_mistake": "发现错误或看不明白的地方？",
        "tell_us": "告诉我们",
        "feedback_handling": "我们如何处理反馈",
        "not_found_title": "找不到这个页面",
        "not_found": "我们找不到这个页面。可能是地址输错了，也可能是页面已经移动。",
        "worried": "担心某个症状？请看",
        "when_to_get_help": "什么时候需要就医",
        "search_site": "搜索本站",
        "search_label": "用你自己的话，输入一个词或你担心的问题",
        "search_button": "搜索",
        "topics": "所有主题",
        "home_page": "首页",
        "language_switch": "用其他语言阅读本页",
        "translation_process": "翻译是怎么做的",
        "colon": "：",
        "gap": "",
        "aside_open": "（",
        "aside_close": "）。",
        "copy_link": "复制链接",
        "link_copied": "链接已复制",
        "copy_failed": "没能复制：请选中地址后自己复制",
        "load_failed": "搜索和颜色切换没能加载。请检查网络，然后再试一次。",
    },
}
# A translated page's notice at its top, and its footer's record of the translation.
TRANSLATION_TEXT = {
    "zh": {
        "notice": "本页译自英文页面",
        "notice_date": "，翻译于 {date}。",
        "pending": "译文尚未经过专业译者或临床医生审校。译自英文的内容如与英文页面有出入，以英文页面为准。",
        "reviewed": "译文已经审校。译自英文的内容如与英文页面有出入，以英文页面为准。",
        # The edition's own sections (vocabulary.LOCAL_ADMONITION) are not translations.
        "local": f"标着“{LOCAL_LABELS['zh']}”的段落不是译文，是中文版为中文读者写的，"
                 "来源列在本页的“参考来源”里。各页的求助途径，比如急救电话和医院科室，"
                 "是按中国大陆、香港、澳门和台湾的情况写的。",
        "record": "翻译：{translator}，{date}。",
        "review_pending": "译文审校：尚未进行。",
        "review_done": "译文审校：已完成。",
        "source_check": "英文原文最近一次对照来源核查",
    },
}
# How the footer names who checked the English page (its reviewed_by role), in each language.
ROLE_TEXT = {
    "zh": {"Site editorial team using AI tools (not clinicians), against the sources on this page":
           "本站编辑团队（不是医护人员）借助人工智能工具，对照本页列出的来源核查"},
}
# How the footer names the review status, in each language.
STATUS_TEXT = {
    "zh": {"clinical review pending": "临床审核尚未进行", "clinically reviewed": "已经过临床审核"},
}
# A page's history (history.py): the section at the end of every article, and the words
# the handouts and feeds use for a version and each kind of change.
HISTORY_TEXT = {
    "en": {
        "heading": "Page history",
        "intro": "Every recorded change to this page, newest first. A printed handout shows "
                 "the version it was printed from: if a newer version is listed here, print "
                 "the handout again.",
        "version": "Version {version}",
        "new_page": "First published, checked against its sources",
        "checked against sources": "Checked against its sources",
        "clinical review": "Clinically reviewed by {by}",
        "editorial": "Editorial change, no facts changed: {reason}",
        "translation": "Translated into {language}: {by}",
        "handout": "One-page handout to print",
        "handout_intro": "The key facts and when to get help, on one sheet of A4 or Letter paper:",
    },
    "zh": {
        "heading": "页面历史",
        "intro": "本页每一次有记录的改动，最新的在前。打印的单页资料上印有版本号。"
                 "如果这里有更新的版本，请重新打印。",
        "version": "版本 {version}",
        "new_page": "首次发布，英文原文已对照来源核查",
        "checked against sources": "英文原文已对照来源核查",
        "clinical review": "英文原文已经过临床审核：{by}",
        # The reason is the ledger's, in English: marked as such, and as lang="en" in HTML.
        "editorial": "英文原文的编辑修改，不涉及事实。修改说明（英文原文）：{reason}",
        "translation": "翻译成{language}：{by}",
        "handout": "打印用的单页资料",
        "handout_intro": "要点和什么时候需要就医，印在一张 A4 或 Letter 纸上：",
    },
}
# The one-page handout of each article (publish/handouts.py).
HANDOUT_TEXT = {
    "en": {
        "title_suffix": "one-page handout",
        "when_to_get_help": "When to get help",
        "support": "Emergency: 999 or 112 (UK, Ireland), 000 (Australia), 111 (New Zealand), "
                   "911 (US, Canada) or your local emergency number. Breastfeeding helplines: "
                   "UK 0300 100 0212, Australia 1800 686 268; elsewhere La Leche League (llli.org).",
        "full_page": "The full page, always up to date:",
        "checked": "Last checked against its sources: {date}.",
        "version": "Version {version} (see the page's history).",
        "back": "Back to the full page",
    },
    "zh": {
        "title_suffix": "单页资料",
        "when_to_get_help": "什么时候需要就医",
        "support": "急救：中国大陆 120，香港和澳门 999，台湾 119，或当地急救电话。"
                   "母乳喂养帮助：分娩的医院、医院的母乳喂养咨询门诊，或国际认证泌乳顾问（IBCLC）。",
        "full_page": "完整页面，始终是最新版本：",
        "checked": "英文原文最近一次对照来源核查：{date}。",
        "version": "版本 {version}，译文 {date}（见页面历史）。",
        "back": "返回完整页面",
    },
}
# The Atom feed of each edition (publish/feeds.py).
FEED_TEXT = {
    "en": {
        "author": "Weaning and breast health",
        "title": "Weaning and breast health: changes to our pages",
        "subtitle": "Every recorded check, editorial change and new page, newest first. "
                    "Reprint a handout when its page has a newer version.",
        "link_title": "Changes to our pages (Atom feed)",
        "entry": "{title}: {change}",
    },
    "zh": {
        "author": "断奶与乳房健康",
        "title": "断奶与乳房健康：页面改动",
        "subtitle": "每一次有记录的核查、编辑修改、翻译和新页面，最新的在前。"
                    "页面有了新版本，就请重新打印单页资料。",
        "link_title": "页面改动（Atom 订阅）",
        "entry": "{title}：{change}",
    },
}
