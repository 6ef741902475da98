"""The default texts of the answer letters (告知书), one per kind, citing the 条例's article.

A text is the letter's body: one paragraph per line, `${name}` placeholders (see
`gongkai.letters.placeholders`). The salutation, the signature and the date are added around it.
"""

from __future__ import annotations

from gongkai.letters.kinds import LetterKind as K

REGULATION = "《中华人民共和国政府信息公开条例》"
OPENING = (
    "本机关于${received}收到您提出的政府信息公开申请（申请编号：${serial}），"
    "您申请获取的政府信息为：“${information}”。"
)
CLOSING = ("${remedy}", "特此告知。", "联系地址：${agency_address}；联系电话：${agency_phone}。")


def body(*middle: str) -> str:
    return "\n".join((OPENING, *middle, *CLOSING))


def _denial(finding: str) -> str:
    return body(
        f"经审查，您申请获取的政府信息{finding}。根据{REGULATION}${{article}}和第三十六条第三项的规定，"
        "本机关决定不予公开。",
        "理由如下：${reasons}",
    )


def _rejection(finding: str) -> str:
    return body(f"经审查，{finding}")


ANSWERS: dict[K, str] = {
    K.GRANTED: body(
        f"经审查，您申请获取的政府信息属于可以公开的政府信息。根据{REGULATION}第三十六条第二项的规定，"
        "本机关决定予以公开，该政府信息${provision}。"
    ),
    K.GRANTED_PUBLISHED: body(
        f"经审查，您申请获取的政府信息已经主动公开。根据{REGULATION}第三十六条第一项的规定，"
        "现告知您获取该政府信息的方式和途径：${published_at}。"
    ),
    K.PARTIALLY_GRANTED: body(
        "经审查，您申请获取的政府信息中含有不应当公开的内容（${withheld}），但能够作区分处理。"
        f"根据{REGULATION}第三十七条的规定，本机关对可以公开的部分予以公开，${{provision}}；"
        "对不应当公开的部分不予公开。",
        "不予公开部分的理由如下：${reasons}",
    ),
    K.DENIED_STATE_SECRET: _denial("属于国家秘密"),
    K.DENIED_PROHIBITED_BY_LAW: _denial("属于法律、行政法规禁止公开的政府信息"),
    K.DENIED_SECURITY_STABILITY: _denial("公开后可能危及国家安全、公共安全、经济安全、社会稳定"),
    K.DENIED_THIRD_PARTY_RIGHTS: _denial(
        "涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害"
    ),
    K.DENIED_INTERNAL_AFFAIRS: _denial(
        "属于行政机关的人事管理、后勤管理、内部工作流程等方面的内部事务信息"
    ),
    K.DENIED_PROCESS_INFORMATION: _denial(
        "属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息"
    ),
    K.DENIED_ENFORCEMENT_CASE_FILE: _denial("属于行政执法案卷信息"),
    K.DENIED_ADMINISTRATIVE_QUERY: body(
        "经审查，您申请获取的信息，有关法律、行政法规对其获取有特别规定。"
        f"根据{REGULATION}第三十六条第七项的规定，请您依照有关法律、行政法规的规定办理：${{reasons}}"
    ),
    K.UNABLE_NOT_HELD: body(
        "经检索，本机关没有制作或者获取您申请获取的政府信息，该政府信息不存在。"
        f"根据{REGULATION}第三十六条第四项的规定，特此告知。"
    ),
    # 第三十六条第五项: say why, and name the agency responsible where it can be determined.
    K.UNABLE_NOT_THIS_AGENCY: body(
        f"经审查，您申请获取的政府信息不属于本机关负责公开。根据{REGULATION}第三十六条第五项的规定，"
        "现告知如下。",
        "理由：${reasons}",
        "${referral}",
    ),
    K.UNABLE_NEEDS_CREATION: body(
        "经审查，本机关没有现成的您所申请的信息，需要对现有政府信息进行加工、分析方能形成。"
        f"根据{REGULATION}第三十八条的规定，本机关不予提供。"
    ),
    K.UNABLE_STILL_UNCLEAR: body(
        "本机关已告知您对申请内容作出补正。经审查，补正后的申请内容仍不明确，本机关无法确定您"
        f"所申请的政府信息。根据{REGULATION}第三十条的规定，本机关无法提供。"
    ),
    K.REJECTED_PETITION_COMPLAINT: _rejection(
        "您以政府信息公开申请的形式提出的是信访、投诉、举报等诉求。"
        f"根据{REGULATION}第三十九条第一款的规定，本机关不作为政府信息公开申请处理，"
        "您可以通过信访、投诉、举报等相应渠道提出。"
    ),
    K.REJECTED_DUPLICATE: _rejection(
        "本机关已就您申请公开的相同政府信息作出答复。"
        f"根据{REGULATION}第三十六条第六项的规定，本机关不予重复处理。"
    ),
    K.REJECTED_PUBLICATION: _rejection(
        "您申请获取的是政府公报、报刊、书籍等公开出版物。"
        f"根据{REGULATION}第三十九条第二款的规定，现告知您获取的途径：${{published_at}}。"
    ),
    K.REJECTED_EXCESSIVE_REPEATED: _rejection(
        "您申请公开政府信息的数量、频次明显超过合理范围，本机关已要求您说明理由，"
        f"本机关认为申请理由不合理。根据{REGULATION}第三十五条的规定，本机关不予处理。"
    ),
    K.REJECTED_CONFIRMATION: _rejection(
        "您的申请是要求本机关确认或者重新出具您已经获取的信息，不属于申请获取政府信息。"
        f"根据{REGULATION}${{article}}的规定，本机关不作为政府信息公开申请处理。"
    ),
    K.OTHER_NO_CORRECTION: body(
        "本机关已告知您于${correction_due}前对申请内容作出补正。您无正当理由逾期未补正，"
        f"根据{REGULATION}第三十条的规定，视为放弃申请，本机关不再处理该政府信息公开申请。"
    ),
    K.OTHER_FEE_UNPAID: body(
        "本机关已向您发出收费通知，请您在${fee_due}前缴纳信息处理费${fee_amount}。您逾期未缴纳，"
        f"根据{REGULATION}第四十二条和国办函〔2020〕109号《政府信息公开信息处理费管理办法》的规定，"
        "视为放弃申请，本机关不再处理该政府信息公开申请。"
    ),
    K.OTHER_MISC: body("${reasons}", "本机关终止处理该政府信息公开申请。"),
}
