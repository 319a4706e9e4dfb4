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
                 "来源列在本页的“参考来源”里。",
        "record": "翻译：{translator}，{date}。",
        "review_pending": "译文审校：尚未进行。",
        "review_done": "译文审校：已完成。",
        "source_check": "英文原文最近一次对照来源核查",
    },
}
# How the footer names who checked the English page (its reviewed_by role), in each language.
ROLE_TEXT = {
    "zh": {"Site editorial team (not clinicians), checked against the sources on this page":
           "本站编辑团队（不是医护人员），已对照本页列出的来源核查"},
}
# How the footer names the review status, in each language.
STATUS_TEXT = {
    "zh": {"clinical review pending": "临床审核尚未进行", "clinically reviewed": "已经过临床审核"},
}
