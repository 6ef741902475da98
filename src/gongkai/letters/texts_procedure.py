"""The default texts of the procedural letters: 补正 (第三十条), 延期 (第三十三条第二款), 征求意见
(第三十二条, 第三十三条第三款) and the fee notice (第四十二条, 国办函〔2020〕109号)."""

from __future__ import annotations

from gongkai.letters.kinds import LetterKind as K
from gongkai.letters.texts_answers import REGULATION, body

RECEIVED = "本机关于${received}收到您提出的政府信息公开申请（申请编号：${serial}）。"
CONTACT = "联系地址：${agency_address}；联系电话：${agency_phone}。"


def _notice(*middle: str) -> str:
    return "\n".join((RECEIVED, *middle, "特此告知。", CONTACT))


PROCEDURE: dict[K, str] = {
    K.CORRECTION_REQUEST: _notice(
        f"经审查，您的申请内容不明确。根据{REGULATION}第三十条的规定，请您对以下事项作出补正：",
        "${correction}",
        "请自收到本告知书之日起${correction_days}个工作日内将补正后的申请提交本机关。"
        "答复期限自本机关收到补正后的申请之日起计算。"
        "您无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。",
    ),
    K.EXTENSION: _notice(
        "因下列原因，本机关不能在规定期限内作出答复：${reasons}",
        "经本机关政府信息公开工作机构负责人同意，"
        f"根据{REGULATION}第三十三条第二款的规定，答复期限延长${{extension_days}}个工作日，"
        "由${original_deadline}延长至${new_deadline}。",
    ),
    K.CONSULTATION: "\n".join(
        (
            "本机关于${received}收到${applicant}提出的政府信息公开申请（申请编号：${serial}），"
            "申请获取的政府信息为：“${information}”。该政府信息的公开可能损害贵方的合法权益。"
            f"根据{REGULATION}第三十二条的规定，现书面征求贵方意见。",
            "请于收到本函之日起15个工作日内向本机关提出书面意见，并说明理由。"
            "逾期未提出意见的，由本机关依照条例的规定决定是否公开。",
            "贵方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，"
            "可以决定予以公开，并将决定公开的政府信息内容和理由书面告知贵方。",
            "特此函告。",
            CONTACT,
        )
    ),
    K.CONSULTATION_AGENCY: "\n".join(
        (
            "本机关于${received}收到${applicant}提出的政府信息公开申请（申请编号：${serial}），"
            "申请获取的政府信息为：“${information}”。该政府信息由本机关与贵机关共同制作。"
            f"根据{REGULATION}第三十四条的规定，现书面征求贵机关意见。",
            "请于收到本函之日起15个工作日内向本机关提出意见。逾期未提出意见的，视为同意公开。",
            "特此函告。",
            CONTACT,
        )
    ),
    K.CONSULTATION_NOTICE: _notice(
        "您申请获取的政府信息为：“${information}”。"
        f"根据{REGULATION}${{consultation_article}}的规定，本机关正在书面征求${{consulted}}的意见。",
        f"根据{REGULATION}第三十三条第三款的规定，征求第三方意见所需时间不计算在答复期限内。"
        "本机关将在征求意见结束后依法作出答复。",
    ),
    K.FEE_NOTICE: body(
        "经审查，您申请公开政府信息的数量、频次明显超过合理范围。"
        f"根据{REGULATION}第四十二条和国办函〔2020〕109号《政府信息公开信息处理费管理办法》的规定，"
        "本机关决定收取信息处理费。计收方式：${fee_method}；金额：${fee_amount}。计费明细如下：",
        "${fee_breakdown}",
        "请自收到本通知书之日起${fee_days}个工作日内通过以下方式缴纳：${payment}。"
        "逾期未缴纳的，视为放弃申请，"
        "本机关不再处理该政府信息公开申请。",
    ),
}
