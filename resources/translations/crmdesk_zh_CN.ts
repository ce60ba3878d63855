<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CareSettingsDialog</name>
    <message>
        <source>Care settings</source>
        <translation>关怀设置</translation>
    </message>
    <message>
        <source> days ahead</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Birthdays and holidays show in the calendar this many days before they fall.</source>
        <translation>生日和节假日会提前相应天数显示在日历中。</translation>
    </message>
    <message>
        <source>Remind</source>
        <translation>提前提醒</translation>
    </message>
    <message>
        <source>VIP and key customers</source>
        <translation>VIP客户和重点客户</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>Holidays greet</source>
        <translation>节假日问候对象</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>历法</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下次日期</translation>
    </message>
    <message>
        <source>&amp;Add holiday</source>
        <translation>添加节假日(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>Tick a holiday to remember it. A lunar holiday falls on its day of the Chinese calendar (day 30 of a short month on its last day); Next shows the day it falls on next.</source>
        <translation>勾选的节假日才会提醒。农历节日按农历日期计算（小月没有三十日时取当月最后一天）；“下次日期”显示它下一次对应的日期。</translation>
    </message>
    <message>
        <source>Solar</source>
        <translation>公历</translation>
    </message>
    <message>
        <source>Lunar</source>
        <translation>农历</translation>
    </message>
</context>
<context>
    <name>ClvSection</name>
    <message>
        <source>Lifetime value</source>
        <translation>客户终身价值（CLV）</translation>
    </message>
    <message>
        <source>Spent so far</source>
        <translation>累计消费</translation>
    </message>
    <message>
        <source>Forecast of future profit</source>
        <translation>预计未来利润</translation>
    </message>
    <message>
        <source>Average order value</source>
        <translation>平均订单金额</translation>
    </message>
    <message>
        <source>Orders per year</source>
        <translation>年均订单数</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>利润率</translation>
    </message>
    <message>
        <source>Expected remaining years</source>
        <translation>预计剩余合作年数</translation>
    </message>
    <message>
        <source>    = r ÷ (1 + d − r), retention r</source>
        <translation>    = r ÷ (1 + d − r)，r 为留存率</translation>
    </message>
    <message>
        <source>    discount rate d</source>
        <translation>    d 为折现率</translation>
    </message>
    <message>
        <source>Forecast</source>
        <translation>预测值</translation>
    </message>
    <message>
        <source>How the forecast is made:</source>
        <translation>预测方法：</translation>
    </message>
    <message>
        <source>Retention r is the share of last window&apos;s buyers who bought again in this one; the discount rate d makes later profit count for less.</source>
        <translation>留存率 r 指上一统计周期内下过单的客户在本周期再次下单的比例；折现率 d 让越往后的利润计得越少。</translation>
    </message>
</context>
<context>
    <name>ComplaintDialog</name>
    <message>
        <source>New complaint</source>
        <translation>新建投诉</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>What the customer complains about, in a line</source>
        <translation>一句话概括客户投诉的内容</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Nobody in particular</source>
        <translation>不指定联系人</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Nobody yet</source>
        <translation>暂不指派</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>处理人</translation>
    </message>
    <message numerus="yes">
        <source>Due within %n hour(s), by {time} if taken in now</source>
        <translation>
            <numerusform>如现在受理，须在 %n 小时内（{time} 前）处理完毕</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComplaintHistoryModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>From</source>
        <comment>the status a complaint left</comment>
        <translation>原状态</translation>
    </message>
    <message>
        <source>To</source>
        <comment>the status a complaint moved to</comment>
        <translation>新状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ComplaintMoveDialog</name>
    <message>
        <source>Resolve complaint {number}</source>
        <translation>解决投诉 {number}</translation>
    </message>
    <message>
        <source>What was done for the customer</source>
        <translation>为客户做了哪些处理</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Close complaint {number}</source>
        <translation>关闭投诉 {number}</translation>
    </message>
    <message>
        <source>Customer&apos;s satisfaction</source>
        <translation>客户满意度</translation>
    </message>
    <message>
        <source>Reopen complaint {number}</source>
        <translation>重新打开投诉 {number}</translation>
    </message>
    <message>
        <source>Optional: kept in the complaint&apos;s history</source>
        <translation>选填：将记入投诉的处理历史</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>未询问</translation>
    </message>
    <message>
        <source>1 – Very dissatisfied</source>
        <translation>1 – 非常不满意</translation>
    </message>
    <message>
        <source>2 – Dissatisfied</source>
        <translation>2 – 不满意</translation>
    </message>
    <message>
        <source>3 – Neither</source>
        <translation>3 – 一般</translation>
    </message>
    <message>
        <source>4 – Satisfied</source>
        <translation>4 – 满意</translation>
    </message>
    <message>
        <source>5 – Very satisfied</source>
        <translation>5 – 非常满意</translation>
    </message>
</context>
<context>
    <name>ComplaintTableModel</name>
    <message>
        <source>{days} left</source>
        <translation>剩余 {days}</translation>
    </message>
    <message>
        <source>{days} overdue</source>
        <translation>已逾期 {days}</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
</context>
<context>
    <name>ComplaintsTab</name>
    <message>
        <source>Schedule a follow-up call</source>
        <translation>安排回访电话</translation>
    </message>
    <message>
        <source>The complaint is closed. Schedule a follow-up call with {customer}?</source>
        <translation>投诉已关闭。是否安排对{customer}的回访电话？</translation>
    </message>
    <message>
        <source>New complaint…</source>
        <translation>新建投诉…</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>全部严重程度</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>仅看逾期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Not yet resolved</source>
        <translation>未解决</translation>
    </message>
    <message>
        <source>Choose a complaint to see its details and history.</source>
        <translation>选择一条投诉，查看详情和处理历史。</translation>
    </message>
    <message>
        <source>No description was given.</source>
        <translation>未填写描述。</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>History</source>
        <translation>处理历史</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Start work</source>
        <translation>开始处理</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>解决…</translation>
    </message>
    <message>
        <source>Close…</source>
        <translation>关闭…</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>重新打开…</translation>
    </message>
    <message numerus="yes">
        <source>%n complaint(s)</source>
        <translation>
            <numerusform>%n 条投诉</numerusform>
        </translation>
    </message>
    <message>
        <source>no owner</source>
        <translation>无负责人</translation>
    </message>
    <message>
        <source>received {received}, due {due}</source>
        <translation>{received} 受理，{due} 到期</translation>
    </message>
    <message>
        <source>  ({time_left})</source>
        <translation>（{time_left}）</translation>
    </message>
    <message>
        <source>not resolved yet</source>
        <translation>尚未解决</translation>
    </message>
    <message>
        <source>Resolved: {resolution}</source>
        <translation>已解决：{resolution}</translation>
    </message>
    <message>
        <source>Customer&apos;s satisfaction: {score} of 5</source>
        <translation>客户满意度：{score}/5</translation>
    </message>
    <message>
        <source>Follow-up call on complaint {number}</source>
        <translation>投诉 {number} 电话回访</translation>
    </message>
</context>
<context>
    <name>CompleteDialog</name>
    <message>
        <source>Complete follow-up</source>
        <translation>完成跟进</translation>
    </message>
    <message>
        <source>Follow-up:</source>
        <translation>跟进：</translation>
    </message>
    <message>
        <source>How did it go? This is logged as a conversation.</source>
        <translation>跟进结果如何？将记入沟通记录。</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>结果：</translation>
    </message>
    <message>
        <source>Logged as:</source>
        <translation>记录为：</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Done by:</source>
        <translation>执行人：</translation>
    </message>
    <message>
        <source>This follow-up repeats: the next one is planned on saving.</source>
        <translation>这是重复跟进：保存后将自动安排下一次。</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed by someone else</source>
        <translation>已被他人修改</translation>
    </message>
    <message>
        <source>Someone else saved {what} after you started editing. These fields differ between your version and the saved one:</source>
        <translation>您开始编辑后，其他人保存了“{what}”。以下字段在您的版本与已保存的版本中不同：</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>您的版本</translation>
    </message>
    <message>
        <source>Saved now</source>
        <translation>已保存的版本</translation>
    </message>
    <message>
        <source>Reload (discard mine)</source>
        <translation>重新加载（放弃我的修改）</translation>
    </message>
    <message>
        <source>Throw away your edits and show the saved version.</source>
        <translation>放弃您的修改，显示已保存的版本。</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>保留我的版本</translation>
    </message>
    <message>
        <source>Save your version over the one saved now.</source>
        <translation>用您的版本覆盖已保存的版本。</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Edit contact</source>
        <translation>编辑联系人</translation>
    </message>
    <message>
        <source>Add contact</source>
        <translation>添加联系人</translation>
    </message>
    <message>
        <source>No birthday</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ContactsEditor</name>
    <message>
        <source>Remove contact</source>
        <translation>删除联系人</translation>
    </message>
    <message>
        <source>Remove the contact {name}?</source>
        <translation>确定删除联系人 {name}？</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Make primary</source>
        <translation>设为主联系人</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Primary contact</source>
        <translation>主联系人</translation>
    </message>
</context>
<context>
    <name>CountsView</name>
    <message>
        <source>What the import will do</source>
        <translation>导入后将会</translation>
    </message>
    <message>
        <source>New:</source>
        <translation>新增：</translation>
    </message>
    <message>
        <source>Updates:</source>
        <translation>更新：</translation>
    </message>
    <message>
        <source>Duplicates, skipped:</source>
        <translation>重复，跳过：</translation>
    </message>
    <message>
        <source>Possible duplicates, held back:</source>
        <translation>疑似重复，暂不导入：</translation>
    </message>
    <message>
        <source>Rejected (problems):</source>
        <translation>拒绝导入（有问题）：</translation>
    </message>
    <message>
        <source>What the import did</source>
        <translation>导入结果</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>已新增：</translation>
    </message>
    <message>
        <source>Updated:</source>
        <translation>已更新：</translation>
    </message>
</context>
<context>
    <name>CouponModel</name>
    <message>
        <source>Code</source>
        <translation>券码</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>面额</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>发放日期</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Redeemed {when} for order {number}</source>
        <translation>已于 {when} 用于订单 {number}</translation>
    </message>
    <message>
        <source>Redeemed {when}</source>
        <translation>已于 {when} 使用</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>长期有效</translation>
    </message>
</context>
<context>
    <name>CustomerForm</name>
    <message>
        <source>Pinned</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Keep this stage: the suggestion from purchase history will not change it.</source>
        <translation>锁定此阶段：根据购买记录给出的建议不会改变它。</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>无</translation>
    </message>
    <message>
        <source>No birthday</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Next number</source>
        <translation>自动编号</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Other phone</source>
        <translation>备用电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>District</source>
        <translation>区县</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation>推荐人</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CustomerOrdersModel</name>
    <message>
        <source>Number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>下单日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>订单金额</translation>
    </message>
    <message>
        <source>Payment due</source>
        <translation>付款到期日</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>付款日期</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>明细</translation>
    </message>
    <message>
        <source>Payment was due on {day} and is not recorded as paid.</source>
        <translation>付款已于 {day} 到期，尚未登记收款。</translation>
    </message>
    <message>
        <source>{status}, overdue</source>
        <translation>{status}，已逾期</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <source>Type a name, pinyin, code or phone number</source>
        <translation>输入名称、拼音、编号或电话</translation>
    </message>
</context>
<context>
    <name>CustomersTab</name>
    <message>
        <source>Delete customers</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <source>Assign owner</source>
        <translation>分配负责人</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>无人</translation>
    </message>
    <message>
        <source>Too many customers selected</source>
        <translation>选中的客户过多</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>Search by name, pinyin, phone, e-mail or code</source>
        <translation>按名称、拼音、电话、邮箱或编号搜索</translation>
    </message>
    <message>
        <source>Assign owner…</source>
        <translation>分配负责人…</translation>
    </message>
    <message>
        <source>Add tag…</source>
        <translation>添加标签…</translation>
    </message>
    <message>
        <source>Schedule follow-up…</source>
        <translation>安排跟进…</translation>
    </message>
    <message>
        <source>Schedule rescue follow-ups…</source>
        <translation>安排挽救回访…</translation>
    </message>
    <message>
        <source>Plan a rescue call (挽救回访) for each selected declining customer</source>
        <translation>为每位选中的退化期客户安排一次挽救回访</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Any stage</source>
        <translation>全部阶段</translation>
    </message>
    <message>
        <source>Any segment</source>
        <translation>全部分群</translation>
    </message>
    <message>
        <source>Any level</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
    </message>
    <message>
        <source>Lifecycle stage</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <source>Value segment</source>
        <translation>价值分群</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Overdue follow-up</source>
        <translation>逾期跟进</translation>
    </message>
    <message>
        <source>Open complaint</source>
        <translation>未结投诉</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>有</translation>
    </message>
    <message>
        <source>No</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Only customers loaded on screen can be changed together; narrow the list with the search or filters, or select fewer rows.</source>
        <translation>只能批量修改屏幕上已加载的客户；请用搜索或筛选缩小列表，或少选几行。</translation>
    </message>
    <message numerus="yes">
        <source>Give %n customer(s) to:</source>
        <translation>
            <numerusform>将 %n 位客户分配给：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tag for %n customer(s):</source>
        <translation>
            <numerusform>为 %n 位客户添加标签：</numerusform>
        </translation>
    </message>
    <message>
        <source>Rescue call</source>
        <translation>挽救回访</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n customer(s)? Their contacts, history, follow-ups and complaints disappear from every list with them.</source>
        <translation>
            <numerusform>删除 %n 位客户？其联系人、沟通记录、跟进和投诉将一并从所有列表中消失。</numerusform>
        </translation>
    </message>
    <message>
        <source>{matching} of {everyone} customers</source>
        <translation>显示 {matching} 位客户，共 {everyone} 位</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <source>Anywhere</source>
        <translation>全部省份</translation>
    </message>
    <message>
        <source>Any city</source>
        <translation>全部城市</translation>
    </message>
    <message>
        <source>Fit columns to contents</source>
        <translation>列宽适应内容</translation>
    </message>
</context>
<context>
    <name>DashboardTab</name>
    <message>
        <source>Recomputing customer value…</source>
        <translation>正在重新计算客户价值…</translation>
    </message>
    <message>
        <source>Export the dashboard</source>
        <translation>导出仪表盘</translation>
    </message>
    <message>
        <source>Writing the dashboard report…</source>
        <translation>正在生成仪表盘报表…</translation>
    </message>
    <message>
        <source>Last month {amount}, {change}</source>
        <translation>上月 {amount}，环比 {change}</translation>
    </message>
    <message>
        <source>{count} overdue</source>
        <translation>其中 {count} 条已逾期</translation>
    </message>
    <message>
        <source>CSAT out of 5, last {days} days</source>
        <translation>CSAT（满分 5 分），近 {days} 天</translation>
    </message>
    <message>
        <source>CSAT average (1–5)</source>
        <translation>CSAT 平均分（1–5）</translation>
    </message>
    <message>
        <source>NPS (−100 to 100)</source>
        <translation>NPS（−100 至 100）</translation>
    </message>
    <message>
        <source>Segments not computed yet: press Recompute.</source>
        <translation>尚未计算客户分群：请点击“重新计算”。</translation>
    </message>
    <message>
        <source>Segments as of {day}, computed {when}</source>
        <translation>分群基准日 {day}，计算于 {when}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Recompute</source>
        <translation>重新计算</translation>
    </message>
    <message>
        <source>Recompute every customer&apos;s RFM segment, lifecycle stage and score</source>
        <translation>重新计算每位客户的 RFM 分群、生命周期阶段和评分</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>导出报表…</translation>
    </message>
    <message>
        <source>Customers by lifecycle stage</source>
        <translation>各生命周期客户数</translation>
    </message>
    <message>
        <source>Revenue this month</source>
        <translation>本月销售额</translation>
    </message>
    <message>
        <source>Overdue follow-ups</source>
        <translation>逾期跟进</translation>
    </message>
    <message>
        <source>Open complaints</source>
        <translation>未结投诉</translation>
    </message>
    <message>
        <source>Average satisfaction</source>
        <translation>平均满意度</translation>
    </message>
    <message>
        <source>Customers by value segment</source>
        <translation>各价值分群客户数</translation>
    </message>
    <message>
        <source>Revenue by month (thousand ¥)</source>
        <translation>月度销售额（千元）</translation>
    </message>
    <message>
        <source>Lifecycle funnel</source>
        <translation>生命周期漏斗</translation>
    </message>
    <message>
        <source>Complaints by deadline</source>
        <translation>投诉时限分布</translation>
    </message>
    <message>
        <source>Satisfaction by month</source>
        <translation>月度满意度</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>Excel workbooks (.xlsx, .xls, .xlsb), OpenDocument spreadsheets (.ods) and CSV files can be imported.</source>
        <translation>可导入 Excel 工作簿（.xlsx、.xls、.xlsb）、OpenDocument 电子表格（.ods）和 CSV 文件。</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>The rows are:</source>
        <translation>数据类型：</translation>
    </message>
    <message>
        <source>Import from a spreadsheet</source>
        <translation>从电子表格导入</translation>
    </message>
    <message>
        <source>Spreadsheets ({patterns})</source>
        <translation>电子表格（{patterns}）</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <source>Sheet “{sheet}”: {rows} rows of data under the column names in row {header}.</source>
        <translation>工作表“{sheet}”：第 {header} 行为列名，其下有 {rows} 行数据。</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>What is to be done, e.g. Ask about the new order</source>
        <translation>要做什么，例如：询问新订单情况</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>Due on:</source>
        <translation>计划日期：</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Rep:</source>
        <translation>业务员：</translation>
    </message>
    <message>
        <source>No particular contact</source>
        <translation>不指定联系人</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>联系人：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>重复：</translation>
    </message>
    <message>
        <source>Schedule follow-up</source>
        <translation>安排跟进</translation>
    </message>
    <message>
        <source>Edit follow-up</source>
        <translation>编辑跟进</translation>
    </message>
    <message numerus="yes">
        <source>%n selected customer(s)</source>
        <translation>
            <numerusform>已选 %n 位客户</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowUpModels</name>
    <message>
        <source>Birthday of {name} (turns {age})</source>
        <translation>{name} 生日（{age} 岁）</translation>
    </message>
    <message>
        <source>Birthday of {name} in {days} (turns {age})</source>
        <translation>{days}后是{name}的生日（{age} 岁）</translation>
    </message>
    <message>
        <source>{holiday} today; customers to greet: {count}</source>
        <translation>今天是{holiday}；需问候客户：{count} 位</translation>
    </message>
    <message>
        <source>{holiday} in {days}, on {day}; customers to greet: {count}</source>
        <translation>{days}后（{day}）是{holiday}；需问候客户：{count} 位</translation>
    </message>
</context>
<context>
    <name>FollowUpsTab</name>
    <message>
        <source>All reps</source>
        <translation>全部业务员</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>日程</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Reschedule…</source>
        <translation>改期(&amp;R)…</translation>
    </message>
    <message>
        <source>C&amp;omplete…</source>
        <translation>完成(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Cancel follow-up</source>
        <translation>取消跟进(&amp;C)</translation>
    </message>
    <message>
        <source>Plan &amp;care…</source>
        <translation>安排关怀(&amp;C)…</translation>
    </message>
    <message>
        <source>Plan a care follow-up for the selected birthday</source>
        <translation>为选中的生日安排关怀跟进</translation>
    </message>
    <message>
        <source>Plan &amp;greetings…</source>
        <translation>安排问候(&amp;G)…</translation>
    </message>
    <message>
        <source>Plan a care follow-up for every customer the selected holiday greets</source>
        <translation>为选中节假日的每位问候对象安排关怀跟进</translation>
    </message>
    <message>
        <source>Care &amp;settings…</source>
        <translation>关怀设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Days ahead to remember birthdays and holidays, and the list of holidays</source>
        <translation>设置生日和节假日的提前提醒天数，以及节假日列表</translation>
    </message>
    <message>
        <source>Rep:</source>
        <translation>业务员：</translation>
    </message>
    <message>
        <source>Care</source>
        <translation>关怀</translation>
    </message>
    <message>
        <source>Birthdays and holidays: plan care follow-ups</source>
        <translation>生日和节假日：安排关怀跟进</translation>
    </message>
    <message>
        <source>Plan greetings for {holiday}: a care follow-up due on {due} for each customer it greets ({count} in all)? Customers who already have theirs are skipped.</source>
        <translation>是否为“{holiday}”安排问候？将为每位问候对象（共 {count} 位）安排一条计划日期为 {due} 的关怀跟进，已安排过的客户将跳过。</translation>
    </message>
    <message>
        <source>Greetings planned: {count}.</source>
        <translation>已安排问候：{count} 条。</translation>
    </message>
    <message>
        <source>Customers who already had theirs: {count}.</source>
        <translation>此前已安排的客户：{count} 位。</translation>
    </message>
    <message>
        <source>Agenda for {day}</source>
        <translation>日程：{day}</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Plan greetings</source>
        <translation>安排问候</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Numbers: &lt;span style=&apos;color:#c62828&apos;&gt;overdue&lt;/span&gt; · planned · &lt;span style=&apos;color:#9e9e9e&apos;&gt;done&lt;/span&gt; · &lt;span style=&apos;color:#d81b60&apos;&gt;●&lt;/span&gt; birthday · &lt;span style=&apos;color:#ef6c00&apos;&gt;●&lt;/span&gt; holiday</source>
        <translation>数字：&lt;span style=&apos;color:#c62828&apos;&gt;逾期&lt;/span&gt; · 待跟进 · &lt;span style=&apos;color:#9e9e9e&apos;&gt;已完成&lt;/span&gt; · &lt;span style=&apos;color:#d81b60&apos;&gt;●&lt;/span&gt; 生日 · &lt;span style=&apos;color:#ef6c00&apos;&gt;●&lt;/span&gt; 节假日</translation>
    </message>
    <message>
        <source>{name} ({shown} of {total})</source>
        <translation>{name}（{shown}/{total}）</translation>
    </message>
    <message>
        <source>{name} ({count})</source>
        <translation>{name}（{count}）</translation>
    </message>
    <message>
        <source>Birthday greetings to {name}</source>
        <translation>为 {name} 送上生日祝福</translation>
    </message>
</context>
<context>
    <name>ImportHistory</name>
    <message>
        <source>When</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>数据类型</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>未导入</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>撤销时间</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <source>Import history</source>
        <translation>导入历史</translation>
    </message>
    <message>
        <source>Undo this import…</source>
        <translation>撤销本次导入…</translation>
    </message>
    <message>
        <source>The import of {file} was undone: {removed} records removed, {restored} put back as they were.</source>
        <translation>{file} 的导入已撤销：删除了 {removed} 条记录，恢复了 {restored} 条。</translation>
    </message>
    <message>
        <source>No file has been imported yet.</source>
        <translation>尚未导入过任何文件。</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Undo the import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <source>Undo the import of {file}? The records it created are removed and the fields it overwrote are put back as they were.</source>
        <translation>确定撤销 {file} 的导入？导入新增的记录将被删除，被覆盖的字段将恢复原值。</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>沟通记录</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Duplicate, skipped</source>
        <translation>重复，跳过</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>疑似重复</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>拒绝导入</translation>
    </message>
    <message>
        <source>{file} is protected by a password. Open it in Excel, remove the password (File → Info → Protect Workbook), save it, and choose it again.</source>
        <translation>{file} 受密码保护。请在 Excel 中打开，取消密码（文件 → 信息 → 保护工作簿），保存后重新选择该文件。</translation>
    </message>
    <message>
        <source>{file} is not a spreadsheet that can be imported. Choose an Excel workbook (.xlsx, .xls, .xlsb), an OpenDocument spreadsheet (.ods) or a CSV file.</source>
        <translation>{file} 不是可导入的电子表格。请选择 Excel 工作簿（.xlsx、.xls、.xlsb）、OpenDocument 电子表格（.ods）或 CSV 文件。</translation>
    </message>
    <message>
        <source>{file} holds no data to import.</source>
        <translation>{file} 中没有可导入的数据。</translation>
    </message>
    <message>
        <source>{file} is too large to read on this computer: it needs about {needed} MB of memory and {free} MB is free. Close other programs, or split the file.</source>
        <translation>{file} 太大，本机无法读取：约需 {needed} MB 内存，当前可用 {free} MB。请关闭其他程序，或拆分文件。</translation>
    </message>
    <message>
        <source>{file} has no sheet named “{sheet}”.</source>
        <translation>{file} 中没有名为“{sheet}”的工作表。</translation>
    </message>
    <message>
        <source>This file is not a column mapping saved by crmdesk.</source>
        <translation>此文件不是 crmdesk 保存的列映射。</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was changed.</source>
        <translation>导入已取消，未做任何更改。</translation>
    </message>
    <message>
        <source>This import cannot be undone; nothing was changed.</source>
        <translation>此次导入无法撤销；未做任何更改。</translation>
    </message>
    <message>
        <source>Import from a spreadsheet</source>
        <translation>从电子表格导入</translation>
    </message>
</context>
<context>
    <name>InteractionDialog</name>
    <message>
        <source>Log an interaction</source>
        <translation>记录沟通</translation>
    </message>
    <message>
        <source>No particular contact</source>
        <translation>不指定联系人</translation>
    </message>
    <message>
        <source>What was it about, in one line</source>
        <translation>一句话概括沟通内容</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>IssueCouponDialog</name>
    <message>
        <source>Issue a coupon</source>
        <translation>发放优惠券</translation>
    </message>
    <message>
        <source>For example: birthday coupon, ¥50 off</source>
        <translation>例如：生日优惠券，立减 50 元</translation>
    </message>
    <message>
        <source>Amount, such as 50 or 49.90</source>
        <translation>金额，例如 50 或 49.90</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>设置有效期</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>面额</translation>
    </message>
    <message>
        <source>Last day of use</source>
        <translation>有效期至</translation>
    </message>
</context>
<context>
    <name>KindSummary</name>
    <message>
        <source>No answer yet</source>
        <translation>暂无回答</translation>
    </message>
    <message>
        <source>latest, {day}</source>
        <translation>最近一次：{day}</translation>
    </message>
    <message numerus="yes">
        <source>Average {average} of %n answer(s)</source>
        <translation>
            <numerusform>共 %n 次回答，平均 {average}</numerusform>
        </translation>
    </message>
    <message>
        <source>By month, {first} – {last}</source>
        <translation>按月：{first} – {last}</translation>
    </message>
    <message>
        <source>Promoter</source>
        <translation>推荐者</translation>
    </message>
    <message>
        <source>Detractor</source>
        <translation>贬损者</translation>
    </message>
    <message>
        <source>Passive</source>
        <translation>被动者</translation>
    </message>
</context>
<context>
    <name>LedgerModel</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>余额</translation>
    </message>
    <message>
        <source>Order {number}</source>
        <translation>订单 {number}</translation>
    </message>
</context>
<context>
    <name>LifecycleSection</name>
    <message>
        <source>Lifecycle</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <source>Pinned by hand: the suggestion does not change it.</source>
        <translation>已手动锁定阶段，不会按建议阶段自动调整。</translation>
    </message>
    <message>
        <source>Current stage</source>
        <translation>当前阶段</translation>
    </message>
    <message>
        <source>Suggested stage</source>
        <translation>建议阶段</translation>
    </message>
</context>
<context>
    <name>LoyaltyPanel</name>
    <message>
        <source>Loyalty</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Referred by {name}</source>
        <translation>由 {name} 推荐</translation>
    </message>
    <message>
        <source>Not referred by another customer.</source>
        <translation>不是由其他客户推荐的。</translation>
    </message>
    <message>
        <source>Customers referred: {count} · their revenue: {revenue}</source>
        <translation>已推荐客户：{count} 位 · 其销售额：{revenue}</translation>
    </message>
    <message>
        <source>Loyalty ({points} pts)</source>
        <translation>会员（{points} 积分）</translation>
    </message>
    <message>
        <source>Points balance</source>
        <translation>积分余额</translation>
    </message>
    <message>
        <source>Adjust…</source>
        <translation>调整…</translation>
    </message>
    <message>
        <source>Add or take away points by hand, with a reason</source>
        <translation>手工增减积分，须注明原因</translation>
    </message>
    <message>
        <source>Redeem…</source>
        <translation>使用…</translation>
    </message>
    <message>
        <source>Spend points from the balance</source>
        <translation>使用积分余额兑换</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Issue…</source>
        <translation>发放…</translation>
    </message>
    <message>
        <source>Give the customer a new coupon</source>
        <translation>给客户发放一张新优惠券</translation>
    </message>
    <message>
        <source>Mark the selected coupon as used</source>
        <translation>将选中的优惠券标记为已使用</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Double-click a customer to open their profile</source>
        <translation>双击客户可打开其档案</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>推荐关系</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>crmdesk</source>
        <translation>crmdesk</translation>
    </message>
    <message>
        <source>Customers</source>
        <comment>tab: the list of all customers</comment>
        <translation>客户列表</translation>
    </message>
    <message>
        <source>Profile</source>
        <comment>tab: the full record of one customer</comment>
        <translation>客户档案</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <comment>tab: calendar of planned calls and visits</comment>
        <translation>跟进日历</translation>
    </message>
    <message>
        <source>Complaints</source>
        <comment>tab: handling of customer complaints</comment>
        <translation>投诉处理</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About crmdesk</source>
        <translation>关于 crmdesk(&amp;A)</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <comment>tab: customer value figures and charts</comment>
        <translation>仪表盘</translation>
    </message>
    <message>
        <source>Rescue call</source>
        <translation>挽救回访</translation>
    </message>
    <message>
        <source>No customer chosen</source>
        <translation>未选择客户</translation>
    </message>
    <message>
        <source>Select a customer in the list or open one&apos;s profile first.</source>
        <translation>请先在列表中选择客户，或打开客户档案。</translation>
    </message>
    <message>
        <source>&amp;New customer…</source>
        <translation>新建客户(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Find customers</source>
        <translation>查找客户(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Log an interaction…</source>
        <translation>记录沟通(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Schedule a follow-up…</source>
        <translation>安排跟进(&amp;S)…</translation>
    </message>
    <message>
        <source>Open a &amp;complaint…</source>
        <translation>登记投诉(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Declining customers</source>
        <translation>退化期客户(&amp;D)</translation>
    </message>
    <message>
        <source>Schedule &amp;rescue follow-ups…</source>
        <translation>安排挽救回访(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Recompute customer value</source>
        <translation>重新计算客户价值(&amp;R)</translation>
    </message>
    <message>
        <source>Customer &amp;value settings…</source>
        <translation>客户价值设置(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Care settings…</source>
        <translation>关怀设置(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <source>Import &amp;history…</source>
        <translation>导入历史(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>Export &amp;report…</source>
        <translation>导出报表(&amp;R)…</translation>
    </message>
    <message>
        <source>Import &amp;templates</source>
        <translation>导入模板(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Value</source>
        <translation>价值(&amp;V)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>Database: {location}</source>
        <translation>数据库：{location}</translation>
    </message>
    <message>
        <source>About crmdesk</source>
        <translation>关于 crmdesk</translation>
    </message>
    <message>
        <source>crmdesk {version}

An offline-first desktop CRM for small sales teams.</source>
        <translation>crmdesk {version}

面向小型销售团队的离线优先桌面 CRM。</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Match the columns</source>
        <translation>匹配列</translation>
    </message>
    <message>
        <source>Each column of the file goes to the field chosen beside it. The choices were made from the column names; correct them where they are wrong.</source>
        <translation>文件中的每一列将导入到其右侧选择的字段。已根据列名自动匹配，如有错误请更正。</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Imports as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Save mapping…</source>
        <translation>保存映射…</translation>
    </message>
    <message>
        <source>Load mapping…</source>
        <translation>载入映射…</translation>
    </message>
    <message>
        <source>Save the column mapping</source>
        <translation>保存列映射</translation>
    </message>
    <message>
        <source>Column mappings (*.json)</source>
        <translation>列映射（*.json）</translation>
    </message>
    <message>
        <source>Load a column mapping</source>
        <translation>载入列映射</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>Several columns are imported as “{field}”; choose one.</source>
        <translation>有多列导入为“{field}”，请只选择一列。</translation>
    </message>
    <message>
        <source>Choose the column that holds: {fields}.</source>
        <translation>请选择包含以下内容的列：{fields}。</translation>
    </message>
    <message>
        <source>Could not use {file}: {reason}</source>
        <translation>无法使用 {file}：{reason}</translation>
    </message>
</context>
<context>
    <name>OrderDialog</name>
    <message>
        <source>Order {number}</source>
        <translation>订单 {number}</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>新建订单</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>无</translation>
    </message>
    <message>
        <source>No due date</source>
        <translation>无到期日</translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation>未付款</translation>
    </message>
    <message>
        <source>Add line</source>
        <translation>添加明细</translation>
    </message>
    <message>
        <source>Remove line</source>
        <translation>删除明细</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>下单日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Sales rep</source>
        <translation>业务员</translation>
    </message>
    <message>
        <source>Payment due</source>
        <translation>付款到期日</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>付款日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Lines (a negative quantity is a return)</source>
        <translation>明细（数量为负数表示退货）</translation>
    </message>
    <message>
        <source>Total: {amount}</source>
        <translation>合计：{amount}</translation>
    </message>
</context>
<context>
    <name>OrderLinesModel</name>
    <message>
        <source>Line {line}, {column}: {problem}</source>
        <translation>第 {line} 行，{column}：{problem}</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>产品编码</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Line total</source>
        <translation>小计</translation>
    </message>
</context>
<context>
    <name>OrdersPanel</name>
    <message>
        <source>Delete order</source>
        <translation>删除订单</translation>
    </message>
    <message>
        <source>Delete order {number}? It no longer counts in the customer&apos;s value.</source>
        <translation>确定删除订单 {number}？删除后将不再计入客户价值。</translation>
    </message>
    <message>
        <source>Add order…</source>
        <translation>新建订单…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Orders ({count})</source>
        <translation>订单（{count}）</translation>
    </message>
    <message>
        <source>Cancelled orders are not counted.</source>
        <translation>不含已取消的订单。</translation>
    </message>
    <message>
        <source>First order</source>
        <translation>首笔订单</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>最近订单</translation>
    </message>
    <message>
        <source>Total spend</source>
        <translation>累计消费</translation>
    </message>
    <message>
        <source>Average spend</source>
        <translation>平均每单金额</translation>
    </message>
    <message>
        <source>Usual interval</source>
        <translation>通常下单间隔</translation>
    </message>
</context>
<context>
    <name>PointsDialog</name>
    <message>
        <source>Redeem points</source>
        <translation>积分兑换</translation>
    </message>
    <message>
        <source>Adjust points</source>
        <translation>调整积分</translation>
    </message>
    <message>
        <source>A negative number takes points away</source>
        <translation>填负数表示扣减积分</translation>
    </message>
    <message>
        <source>What the points were spent on</source>
        <translation>兑换了什么</translation>
    </message>
    <message>
        <source>Why the points change (required)</source>
        <translation>积分变动原因（必填）</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>积分余额</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Check before importing</source>
        <translation>导入前检查</translation>
    </message>
    <message>
        <source>The first rows as they will be imported. Cells with a problem are red; point at one to read what is wrong. Nothing has been changed yet.</source>
        <translation>以下是前几行的导入效果。有问题的单元格显示为红色，鼠标指向即可查看原因。目前尚未做任何更改。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Rows that match a stored customer</source>
        <translation>与已有客户匹配的行</translation>
    </message>
    <message>
        <source>Skip them</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Update: fill the customer&apos;s empty fields</source>
        <translation>更新：只填写客户的空白字段</translation>
    </message>
    <message>
        <source>Update: also overwrite these fields:</source>
        <translation>更新：同时覆盖以下字段：</translation>
    </message>
    <message>
        <source>Create a new customer anyway</source>
        <translation>仍然新建客户</translation>
    </message>
    <message>
        <source>When some rows have problems</source>
        <translation>部分行有问题时</translation>
    </message>
    <message>
        <source>Import the valid rows</source>
        <translation>导入有效的行</translation>
    </message>
    <message>
        <source>Import nothing</source>
        <translation>全部不导入</translation>
    </message>
    <message>
        <source>Create the customers that are not stored yet</source>
        <translation>新建尚不存在的客户</translation>
    </message>
    <message>
        <source>Rows not imported can be saved as a workbook with the reason for each after the import.</source>
        <translation>导入完成后，可将未导入的行及其原因另存为工作簿。</translation>
    </message>
</context>
<context>
    <name>ProfileTab</name>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Save your changes to {name}?</source>
        <translation>是否保存对 {name} 的修改？</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>the new customer</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>This customer was deleted by someone else.</source>
        <translation>该客户已被他人删除。</translation>
    </message>
    <message>
        <source>Someone else changed this customer while you were editing. Save to compare the two versions, or Revert to see theirs.</source>
        <translation>您编辑期间，他人修改了该客户。点击“保存”可对比两个版本，点击“还原”可查看对方的版本。</translation>
    </message>
    <message>
        <source>Timeline ({count})</source>
        <translation>时间线（{count}）</translation>
    </message>
    <message>
        <source>This customer no longer exists; someone may have deleted it.</source>
        <translation>该客户已不存在，可能已被他人删除。</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Fill in the form and save to create the customer.</source>
        <translation>填写表单并保存，即可创建客户。</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s), cancelled ones not counted</source>
        <translation>
            <numerusform>%n 笔订单（不含已取消）</numerusform>
        </translation>
    </message>
    <message>
        <source>{segment} · grade {grade}</source>
        <translation>{segment} · {grade} 级</translation>
    </message>
    <message>
        <source>From the last recomputation of customer value; see the Value page</source>
        <translation>来自最近一次客户价值计算；详见“价值”页</translation>
    </message>
    <message>
        <source>Owner: {name}</source>
        <translation>负责人：{name}</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Referred by {name}</source>
        <translation>由 {name} 推荐</translation>
    </message>
    <message>
        <source>Contacts ({count})</source>
        <translation>联系人（{count}）</translation>
    </message>
    <message>
        <source>Total spend</source>
        <translation>累计消费</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>最近订单</translation>
    </message>
    <message>
        <source>Value segment</source>
        <translation>价值分群</translation>
    </message>
    <message>
        <source>Open complaints</source>
        <translation>未结投诉</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>下次跟进</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the changes (Ctrl+S)</source>
        <translation>保存修改（Ctrl+S）</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Throw away the changes and show what is saved</source>
        <translation>放弃修改，显示已保存的内容</translation>
    </message>
    <message>
        <source>Log interaction…</source>
        <translation>记录沟通…</translation>
    </message>
    <message>
        <source>Schedule follow-up…</source>
        <translation>安排跟进…</translation>
    </message>
    <message>
        <source>Open complaint…</source>
        <translation>登记投诉…</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Show older entries</source>
        <translation>显示更早的记录</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>价值</translation>
    </message>
    <message>
        <source>Loyalty</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
</context>
<context>
    <name>RedeemCouponDialog</name>
    <message>
        <source>Redeem coupon {code}</source>
        <translation>核销优惠券 {code}</translation>
    </message>
    <message>
        <source>No particular order</source>
        <translation>不关联订单</translation>
    </message>
    <message>
        <source>Coupon</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Used for order</source>
        <translation>用于订单</translation>
    </message>
</context>
<context>
    <name>ReferredModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>销售额</translation>
    </message>
</context>
<context>
    <name>RepCombo</name>
    <message>
        <source>(former rep)</source>
        <translation>（已离职业务员）</translation>
    </message>
</context>
<context>
    <name>RepeatEditor</name>
    <message>
        <source>Does not repeat</source>
        <translation>不重复</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>按天</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>按周</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>按月</translation>
    </message>
    <message>
        <source>Yearly</source>
        <translation>按年</translation>
    </message>
    <message>
        <source>every</source>
        <translation>每</translation>
    </message>
    <message>
        <source>never ends</source>
        <translation>永不结束</translation>
    </message>
    <message>
        <source>ends after</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>ends on</source>
        <translation>截止于</translation>
    </message>
    <message>
        <source> times</source>
        <translation> 次</translation>
    </message>
    <message numerus="yes">
        <source> day(s)</source>
        <translation>
            <numerusform> 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> week(s)</source>
        <translation>
            <numerusform> 周</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> month(s)</source>
        <translation>
            <numerusform> 个月</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> year(s)</source>
        <translation>
            <numerusform> 年</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RescheduleDialog</name>
    <message>
        <source>Reschedule follow-up</source>
        <translation>跟进改期</translation>
    </message>
    <message>
        <source>Follow-up:</source>
        <translation>跟进：</translation>
    </message>
    <message>
        <source>New date:</source>
        <translation>新日期：</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Every import is recorded; File → Import history… can undo it later too.</source>
        <translation>每次导入都有记录，之后也可以通过“文件 → 导入历史…”撤销。</translation>
    </message>
    <message>
        <source>Save the rows not imported…</source>
        <translation>保存未导入的行…</translation>
    </message>
    <message>
        <source>Undo this import</source>
        <translation>撤销本次导入</translation>
    </message>
    <message>
        <source>{file} was imported: {created} created, {updated} updated.</source>
        <translation>{file} 已导入：新增 {created} 条，更新 {updated} 条。</translation>
    </message>
    <message>
        <source>Nothing was imported: {count} rows have problems or may be duplicates, and you chose to import nothing in that case. Save them, correct them and import the file again.</source>
        <translation>未导入任何数据：有 {count} 行存在问题或疑似重复，而您选择了此时全部不导入。请保存这些行，更正后重新导入该文件。</translation>
    </message>
    <message>
        <source>Nothing was imported: no row was new or an update.</source>
        <translation>未导入任何数据：没有需要新增或更新的行。</translation>
    </message>
    <message>
        <source>Save the rows not imported</source>
        <translation>保存未导入的行</translation>
    </message>
    <message>
        <source>{name} - not imported.xlsx</source>
        <translation>{name} - 未导入.xlsx</translation>
    </message>
    <message>
        <source>{count} rows saved to {file}, with the reason in the last column.</source>
        <translation>已将 {count} 行保存到 {file}，原因见最后一列。</translation>
    </message>
    <message>
        <source>The import was undone: {removed} records removed, {restored} put back as they were.</source>
        <translation>导入已撤销：删除了 {removed} 条记录，恢复了 {restored} 条。</translation>
    </message>
</context>
<context>
    <name>RfmSection</name>
    <message>
        <source>RFM</source>
        <translation>RFM 分析</translation>
    </message>
    <message>
        <source>This customer</source>
        <translation>本客户</translation>
    </message>
    <message>
        <source>Score 1–5</source>
        <translation>评分（1–5）</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>平均值</translation>
    </message>
    <message>
        <source>Recency</source>
        <translation>最近消费（R）</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>消费频率（F）</translation>
    </message>
    <message>
        <source>Monetary</source>
        <translation>消费金额（M）</translation>
    </message>
    <message>
        <source>Orders and spend in the {days} days up to {day}.</source>
        <translation>统计截至 {day} 的 {days} 天内的订单和消费。</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n 笔订单</numerusform>
        </translation>
    </message>
    <message>
        <source>No segment</source>
        <translation>未分群</translation>
    </message>
    <message>
        <source>Not computed yet — recompute on the dashboard.</source>
        <translation>尚未计算，请在仪表盘中重新计算。</translation>
    </message>
    <message>
        <source>No orders up to {day}, so no segment.</source>
        <translation>截至 {day} 没有订单，因此未分群。</translation>
    </message>
    <message numerus="yes">
        <source>Averages and scores over the %n customer(s) who ever ordered.</source>
        <translation>
            <numerusform>平均值和评分基于全部 %n 位下过单的客户。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>All rows are written at once at the end; until then nothing changes.</source>
        <translation>所有行将在最后一次性写入；在此之前不会有任何更改。</translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>Back to the choices</source>
        <translation>返回修改选项</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message>
        <source>{done} of {total} rows</source>
        <translation>{done} / {total} 行</translation>
    </message>
    <message>
        <source>{done} of {total} rows · {speed} rows a second · {left} rows left</source>
        <translation>{done} / {total} 行 · 每秒 {speed} 行 · 剩余 {left} 行</translation>
    </message>
</context>
<context>
    <name>SatisfactionPanel</name>
    <message>
        <source>Delete survey answer</source>
        <translation>删除调查结果</translation>
    </message>
    <message>
        <source>Delete the {kind} answer {score} given on {when}?</source>
        <translation>确定删除 {when} 的{kind}调查结果（{score} 分）？</translation>
    </message>
    <message>
        <source>Record survey…</source>
        <translation>记录调查…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>No survey answers yet.</source>
        <translation>暂无调查结果。</translation>
    </message>
    <message>
        <source>Satisfaction ({count})</source>
        <translation>满意度（{count}）</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
</context>
<context>
    <name>ScorePicker</name>
    <message>
        <source>1 = very dissatisfied, 5 = very satisfied</source>
        <translation>1 = 非常不满意，5 = 非常满意</translation>
    </message>
    <message>
        <source>How likely to recommend us: 0 = not at all, 10 = extremely likely</source>
        <translation>向他人推荐我们的可能性：0 = 完全不会，10 = 非常愿意</translation>
    </message>
</context>
<context>
    <name>ScorecardSection</name>
    <message>
        <source>Scorecard</source>
        <translation>评分卡</translation>
    </message>
    <message>
        <source>Weights…</source>
        <translation>权重…</translation>
    </message>
    <message>
        <source>Change the weights and the other value settings</source>
        <translation>修改权重及其他客户价值设置</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>{score} / 100</source>
        <translation>{score} / 100 分</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>The window is rebuilt in the new language at once.</source>
        <translation>窗口将立即切换为新语言。</translation>
    </message>
</context>
<context>
    <name>SheetPage</name>
    <message>
        <source>Choose the sheet</source>
        <translation>选择工作表</translation>
    </message>
    <message>
        <source>The sheet that holds the data is chosen for you. The row with the column names is highlighted; the rows below it are imported.</source>
        <translation>已自动选择包含数据的工作表。列名所在行以高亮显示，其下方的行将被导入。</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <source>The column names are in row {row}; {count} rows of data are below it.</source>
        <translation>列名位于第 {row} 行，其下有 {count} 行数据。</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>SurveyDialog</name>
    <message>
        <source>Record a satisfaction survey</source>
        <translation>记录满意度调查</translation>
    </message>
    <message>
        <source>What the customer said, in their words</source>
        <translation>记录客户的原话</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>调查类型</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>回答时间</translation>
    </message>
    <message>
        <source>{number} · {title}</source>
        <translation>{number} · {title}</translation>
    </message>
    <message>
        <source>After complaint</source>
        <translation>关联投诉</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>客户评价</translation>
    </message>
    <message>
        <source>Satisfaction survey</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <source>Complaint {number} is closed. Record the customer&apos;s satisfaction now?</source>
        <translation>投诉 {number} 已关闭。是否现在记录客户满意度？</translation>
    </message>
</context>
<context>
    <name>SurveyTableModel</name>
    <message>
        <source>Answered</source>
        <translation>回答时间</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>调查类型</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>评分</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>客户评价</translation>
    </message>
</context>
<context>
    <name>TagsEditor</name>
    <message>
        <source>New tag</source>
        <translation>新标签</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>Remove tag</source>
        <translation>移除标签</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
</context>
<context>
    <name>ValuePanel</name>
    <message>
        <source>Choose a customer to see their value.</source>
        <translation>选择一位客户，查看其客户价值。</translation>
    </message>
    <message>
        <source>This customer no longer exists.</source>
        <translation>该客户已不存在。</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>价值</translation>
    </message>
    <message>
        <source>Value · {grade}</source>
        <translation>价值 · {grade}</translation>
    </message>
</context>
<context>
    <name>ValueSettingsDialog</name>
    <message>
        <source>Customer value settings</source>
        <translation>客户价值设置</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>RFM counts orders and spend in this many days up to the reference date.</source>
        <translation>RFM 统计截至基准日这段天数内的订单和消费。</translation>
    </message>
    <message>
        <source>RFM segments</source>
        <translation>RFM 分群</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>统计周期</translation>
    </message>
    <message>
        <source>Window ends on</source>
        <translation>周期截止于</translation>
    </message>
    <message>
        <source>The share of revenue that is profit.</source>
        <translation>利润占销售额的比例。</translation>
    </message>
    <message>
        <source>How much less a year&apos;s future profit is worth than profit today.</source>
        <translation>一年后的利润相比今天的利润要打多少折扣。</translation>
    </message>
    <message>
        <source>Lifetime value</source>
        <translation>客户终身价值（CLV）</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>利润率</translation>
    </message>
    <message>
        <source>Discount rate</source>
        <translation>折现率</translation>
    </message>
    <message>
        <source>Scorecard weights</source>
        <translation>评分卡权重</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Segments, suggested stages and scores of all customers are computed again when these settings change. Each weight counts relative to the total.</source>
        <translation>修改这些设置后，将重新计算所有客户的分群、建议阶段和评分。每项权重按其在合计中的占比计算。</translation>
    </message>
</context>
<context>
    <name>_Hours</name>
    <message numerus="yes">
        <source>%n hour(s) left</source>
        <translation>
            <numerusform>剩余 %n 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) overdue</source>
        <translation>
            <numerusform>已逾期 %n 小时</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Units</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Someone else saved this record after you opened it. Nothing was overwritten; reload it to see their changes.</source>
        <translation>您打开此记录后，他人已保存了修改。没有覆盖任何内容；请重新加载以查看对方的修改。</translation>
    </message>
    <message>
        <source>This record no longer exists; someone may have deleted it.</source>
        <translation>此记录已不存在，可能已被他人删除。</translation>
    </message>
    <message>
        <source>The complaint cannot move to that status from where it is now.</source>
        <translation>投诉无法从当前状态转为该状态。</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>已取消，未做任何更改。</translation>
    </message>
    <message>
        <source>The database is busy: another program is writing to it. Try again in a moment.</source>
        <translation>数据库正忙：另一个程序正在写入。请稍后再试。</translation>
    </message>
    <message>
        <source>The database cannot be changed: the file or its folder is read-only.</source>
        <translation>无法修改数据库：文件或其所在文件夹是只读的。</translation>
    </message>
    <message>
        <source>The disk is full. Free some space and try again; nothing was saved.</source>
        <translation>磁盘已满。请释放空间后重试；未保存任何内容。</translation>
    </message>
    <message>
        <source>The database file is damaged. Restore it from a backup copy.</source>
        <translation>数据库文件已损坏。请从备份副本恢复。</translation>
    </message>
    <message>
        <source>This database was written by a newer crmdesk. Update crmdesk to open it.</source>
        <translation>此数据库由更新版本的 crmdesk 写入。请升级 crmdesk 后再打开。</translation>
    </message>
    <message>
        <source>This file is not a crmdesk database.</source>
        <translation>此文件不是 crmdesk 数据库。</translation>
    </message>
    <message>
        <source>The database could not be used.</source>
        <translation>无法使用该数据库。</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>Saved {file}.</source>
        <translation>已保存 {file}。</translation>
    </message>
    <message>
        <source>{count} rows exported to {file}.</source>
        <translation>已导出 {count} 行到 {file}。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿（*.xlsx）</translation>
    </message>
    <message>
        <source>Export the customer list</source>
        <translation>导出客户列表</translation>
    </message>
    <message>
        <source>Exporting customers…</source>
        <translation>正在导出客户…</translation>
    </message>
    <message>
        <source>Export {title}</source>
        <translation>导出：{title}</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Export the complaints</source>
        <translation>导出投诉</translation>
    </message>
    <message>
        <source>Exporting complaints…</source>
        <translation>正在导出投诉…</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>导出报表</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>正在生成报表…</translation>
    </message>
    <message>
        <source>Save the import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <source>{records} import template.xlsx</source>
        <translation>{records}导入模板.xlsx</translation>
    </message>
    <message>
        <source>Writing the template…</source>
        <translation>正在生成模板…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>first_run</name>
    <message>
        <source>Welcome to crmdesk</source>
        <translation>欢迎使用 crmdesk</translation>
    </message>
    <message>
        <source>This database has no customers yet.</source>
        <translation>此数据库中还没有客户。</translation>
    </message>
    <message>
        <source>Load demo customers with a history of orders, follow-ups and complaints to try crmdesk out, or start with an empty database for your own customers.</source>
        <translation>可以载入带有订单、跟进和投诉记录的演示客户来试用 crmdesk，也可以从空数据库开始录入自己的客户。</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>载入演示数据</translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>从空白开始</translation>
    </message>
    <message>
        <source>Loading demo data…</source>
        <translation>正在载入演示数据…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>follow_up_dialog</name>
    <message>
        <source>Cancel the follow-up &apos;{title}&apos;? A repeating follow-up stops repeating.</source>
        <translation>确定取消跟进“{title}”？重复跟进将不再重复。</translation>
    </message>
    <message>
        <source>Cancel follow-up</source>
        <translation>取消跟进</translation>
    </message>
</context>
<context>
    <name>problems</name>
    <message>
        <source>Choose a customer.</source>
        <translation>请选择客户。</translation>
    </message>
    <message>
        <source>&apos;{part}&apos; should be written NAME=value, as in FREQ=MONTHLY.</source>
        <translation>“{part}”应写作 NAME=value，例如 FREQ=MONTHLY。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; could be either of two dates; write it as 2024-01-31.</source>
        <translation>“{value}”可能是两个不同的日期，请写成 2024-01-31 的格式。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a WeChat id.</source>
        <translation>“{value}”不是有效的微信号。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a date and time.</source>
        <translation>“{value}”不是有效的日期时间。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a date.</source>
        <translation>“{value}”不是有效的日期。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a number.</source>
        <translation>“{value}”不是数字。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a phone number.</source>
        <translation>“{value}”不是有效的电话号码。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a whole number.</source>
        <translation>“{value}”不是整数。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an amount of money.</source>
        <translation>“{value}”不是有效的金额。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an e-mail address.</source>
        <translation>“{value}”不是有效的邮箱地址。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not one of: {choices}.</source>
        <translation>“{value}”不是以下选项之一：{choices}。</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not yes or no.</source>
        <translation>“{value}”不是“是”或“否”。</translation>
    </message>
    <message>
        <source>A coupon cannot expire before it is issued.</source>
        <translation>优惠券的有效期不能早于发放日期。</translation>
    </message>
    <message>
        <source>A currency is a three-letter code such as CNY.</source>
        <translation>币种应为三个字母的代码，例如 CNY。</translation>
    </message>
    <message>
        <source>A customer cannot refer itself.</source>
        <translation>客户不能推荐自己。</translation>
    </message>
    <message>
        <source>A customer needs a primary contact. Make another contact primary instead.</source>
        <translation>客户必须有一位主联系人。请先将其他联系人设为主联系人。</translation>
    </message>
    <message>
        <source>A page holds 1 to {maximum} rows.</source>
        <translation>每页 1 至 {maximum} 行。</translation>
    </message>
    <message>
        <source>A page holds at least one row.</source>
        <translation>每页至少一行。</translation>
    </message>
    <message>
        <source>A repeat rule takes COUNT or UNTIL, not both.</source>
        <translation>重复规则只能使用 COUNT 或 UNTIL 其中之一。</translation>
    </message>
    <message>
        <source>A resolution is given when the complaint is resolved.</source>
        <translation>处理结果只在解决投诉时填写。</translation>
    </message>
    <message>
        <source>A weight must lie from 0 to {high}.</source>
        <translation>权重须在 0 至 {high} 之间。</translation>
    </message>
    <message>
        <source>Amounts have at most two decimal places.</source>
        <translation>金额最多两位小数。</translation>
    </message>
    <message>
        <source>An adjustment cannot be zero points.</source>
        <translation>调整的积分不能为零。</translation>
    </message>
    <message>
        <source>An order needs at least one line.</source>
        <translation>订单至少需要一行明细。</translation>
    </message>
    <message>
        <source>Another line of order {number} (row {row}) has a problem.</source>
        <translation>订单 {number} 的另一行明细（第 {row} 行）有问题。</translation>
    </message>
    <message>
        <source>At least one weight must be above zero.</source>
        <translation>至少要有一项权重大于零。</translation>
    </message>
    <message>
        <source>At most {count} holidays.</source>
        <translation>最多 {count} 个节假日。</translation>
    </message>
    <message>
        <source>At most {max_length} characters.</source>
        <translation>最多 {max_length} 个字符。</translation>
    </message>
    <message>
        <source>At most {maximum} points can change at once.</source>
        <translation>每次最多变动 {maximum} 积分。</translation>
    </message>
    <message>
        <source>Cannot sort by {key}.</source>
        <translation>无法按 {key} 排序。</translation>
    </message>
    <message>
        <source>Choose an order of this customer that is not cancelled.</source>
        <translation>请选择该客户一笔未取消的订单。</translation>
    </message>
    <message>
        <source>Choose at least one column; the columns are {known}.</source>
        <translation>请至少选择一列；可选的列有：{known}。</translation>
    </message>
    <message>
        <source>Choose the reference date.</source>
        <translation>请选择基准日。</translation>
    </message>
    <message>
        <source>Describe how the complaint was resolved.</source>
        <translation>请说明投诉是如何解决的。</translation>
    </message>
    <message>
        <source>Duplicate of {what}: {rule}.</source>
        <translation>与 {what} 重复：{rule}。</translation>
    </message>
    <message>
        <source>Every custom field needs a name.</source>
        <translation>每个自定义字段都需要名称。</translation>
    </message>
    <message>
        <source>From 1 to {maximum} customers.</source>
        <translation>客户数须为 1 至 {maximum}。</translation>
    </message>
    <message>
        <source>Give the date a paid order was paid.</source>
        <translation>请填写已付款订单的付款日期。</translation>
    </message>
    <message>
        <source>Give the unit price or the amount of the line.</source>
        <translation>请填写该行的单价或金额。</translation>
    </message>
    <message>
        <source>Holiday {row}: at most {max_length} characters.</source>
        <translation>第 {row} 个节假日：最多 {max_length} 个字符。</translation>
    </message>
    <message>
        <source>Holiday {row}: month {month} has no day {day}.</source>
        <translation>第 {row} 个节假日：{month} 月没有 {day} 日。</translation>
    </message>
    <message>
        <source>Holiday {row}: the month must lie from 1 to 12.</source>
        <translation>第 {row} 个节假日：月份须在 1 至 12 之间。</translation>
    </message>
    <message>
        <source>Holiday {row}: the name is required.</source>
        <translation>第 {row} 个节假日：请填写名称。</translation>
    </message>
    <message>
        <source>Holiday {row}: {name} is in the list twice.</source>
        <translation>第 {row} 个节假日：{name} 在列表中重复出现。</translation>
    </message>
    <message>
        <source>Last order {days} days ago; usually every {usual} days.</source>
        <translation>最近一次下单在 {days} 天前；通常每 {usual} 天下单一次。</translation>
    </message>
    <message>
        <source>Monetary score {score} of 5.</source>
        <translation>消费金额评分 {score}/5。</translation>
    </message>
    <message>
        <source>No customer has the code or name {name}.</source>
        <translation>没有编号或名称为 {name} 的客户。</translation>
    </message>
    <message>
        <source>No interactions or complaints.</source>
        <translation>没有沟通记录或投诉。</translation>
    </message>
    <message>
        <source>No monetary score yet.</source>
        <translation>暂无消费金额评分。</translation>
    </message>
    <message>
        <source>No order for {days} days.</source>
        <translation>已 {days} 天未下单。</translation>
    </message>
    <message>
        <source>No orders yet.</source>
        <translation>尚无订单。</translation>
    </message>
    <message>
        <source>No payment has fallen due yet.</source>
        <translation>尚无到期的付款。</translation>
    </message>
    <message>
        <source>Not a valid WeChat id. Use 6 to 20 letters, digits, _ or -, starting with a letter, or a mobile number.</source>
        <translation>微信号无效。请使用以字母开头的 6 至 20 位字母、数字、_ 或 -，或使用手机号。</translation>
    </message>
    <message>
        <source>Not a valid e-mail address. It should look like name@example.com.</source>
        <translation>邮箱地址无效，格式应类似 name@example.com。</translation>
    </message>
    <message>
        <source>Not a valid phone number. Use a mobile number (11 digits), a landline with area code (010-12345678) or an international number starting with +.</source>
        <translation>电话号码无效。请填写 11 位手机号、带区号的座机号（如 010-12345678）或以 + 开头的国际号码。</translation>
    </message>
    <message>
        <source>Only one order, {days} days ago.</source>
        <translation>仅有一笔订单，在 {days} 天前。</translation>
    </message>
    <message>
        <source>Only {balance} points are available.</source>
        <translation>可用积分仅有 {balance}。</translation>
    </message>
    <message>
        <source>Order {number} belongs to {first} on an earlier row, not to {other}.</source>
        <translation>订单 {number} 在前面的行中属于 {first}，而不是 {other}。</translation>
    </message>
    <message>
        <source>Payment cannot be due before the order date.</source>
        <translation>付款到期日不能早于下单日期。</translation>
    </message>
    <message>
        <source>Points per unit have at most two decimal places.</source>
        <translation>每元积分数最多两位小数。</translation>
    </message>
    <message>
        <source>Points per unit must lie from 0 to {maximum}.</source>
        <translation>每元积分数须在 0 至 {maximum} 之间。</translation>
    </message>
    <message>
        <source>Possibly the same as {what}: {rule} but other details differ. Check it; it was not imported.</source>
        <translation>可能与 {what} 相同：{rule}，但其他信息不一致。请核对；该行未导入。</translation>
    </message>
    <message>
        <source>Redeem at least one point.</source>
        <translation>至少兑换 1 积分。</translation>
    </message>
    <message>
        <source>Remind from 0 to {high} days ahead.</source>
        <translation>提前提醒天数须在 0 至 {high} 之间。</translation>
    </message>
    <message>
        <source>Repurchase rate {rate} %, {referrals} referral(s), no survey answers.</source>
        <translation>复购率 {rate}%，推荐客户 {referrals} 位，暂无调查结果。</translation>
    </message>
    <message>
        <source>Repurchase rate {rate} %, {referrals} referral(s), survey score {survey} %.</source>
        <translation>复购率 {rate}%，推荐客户 {referrals} 位，调查得分 {survey}%。</translation>
    </message>
    <message>
        <source>Satisfaction is from {lowest} to {highest}.</source>
        <translation>满意度应为 {lowest} 至 {highest}。</translation>
    </message>
    <message>
        <source>Satisfaction is recorded when the complaint is closed.</source>
        <translation>满意度在关闭投诉时记录。</translation>
    </message>
    <message>
        <source>Several customers are called {name}; give the referrer&apos;s code instead.</source>
        <translation>有多位客户名为 {name}，请改填推荐人的编号。</translation>
    </message>
    <message>
        <source>Several customers are called {name}; use their code.</source>
        <translation>有多位客户名为{name}，请使用客户编号。</translation>
    </message>
    <message>
        <source>Spend fell from {before} to {after} over the last half year.</source>
        <translation>近半年消费额从 {before} 降至 {after}。</translation>
    </message>
    <message>
        <source>The amount must lie between -{maximum} and {maximum}.</source>
        <translation>金额须在 -{maximum} 至 {maximum} 之间。</translation>
    </message>
    <message>
        <source>The code {code} belongs to a deleted customer; restore that customer or change the code.</source>
        <translation>编号 {code} 属于一位已删除的客户；请恢复该客户或更换编号。</translation>
    </message>
    <message>
        <source>The code {code} is already used by another customer.</source>
        <translation>编号 {code} 已被其他客户使用。</translation>
    </message>
    <message>
        <source>The code {code} is already used.</source>
        <translation>编号 {code} 已被使用。</translation>
    </message>
    <message>
        <source>The complaint is not one of this customer&apos;s.</source>
        <translation>该投诉不属于此客户。</translation>
    </message>
    <message>
        <source>The contact is not one of this customer&apos;s contacts.</source>
        <translation>该联系人不属于此客户。</translation>
    </message>
    <message>
        <source>The custom field {name} must be text, a number, yes/no or empty.</source>
        <translation>自定义字段 {name} 只能是文本、数字、是/否或空。</translation>
    </message>
    <message>
        <source>The customer has no contact called {name}.</source>
        <translation>该客户没有名为 {name} 的联系人。</translation>
    </message>
    <message>
        <source>The date must be between {earliest} and {latest}.</source>
        <translation>日期须在 {earliest} 至 {latest} 之间。</translation>
    </message>
    <message>
        <source>The discount must lie between 0 and the line amount {amount}.</source>
        <translation>折扣须在 0 至该行金额 {amount} 之间。</translation>
    </message>
    <message>
        <source>The discount rate must lie from 0 % to below 100 %.</source>
        <translation>折现率须不低于 0% 且低于 100%。</translation>
    </message>
    <message>
        <source>The end of the range comes before its start.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>The margin must lie above 0 % and at most 100 %.</source>
        <translation>利润率须大于 0% 且不超过 100%。</translation>
    </message>
    <message>
        <source>The offset cannot be negative.</source>
        <translation>偏移量不能为负数。</translation>
    </message>
    <message>
        <source>The quantity cannot be zero.</source>
        <translation>数量不能为零。</translation>
    </message>
    <message>
        <source>The quantity must be a whole number.</source>
        <translation>数量必须是整数。</translation>
    </message>
    <message>
        <source>The quantity must lie between -{maximum} and {maximum}.</source>
        <translation>数量须在 -{maximum} 至 {maximum} 之间。</translation>
    </message>
    <message>
        <source>The range may span at most {days} days.</source>
        <translation>日期范围最多 {days} 天。</translation>
    </message>
    <message>
        <source>The referrals of this file go round in a circle.</source>
        <translation>文件中的推荐关系形成了循环。</translation>
    </message>
    <message>
        <source>The referrer in row {row} was not imported.</source>
        <translation>第 {row} 行的推荐人未能导入。</translation>
    </message>
    <message>
        <source>The referring customer does not exist or was deleted.</source>
        <translation>推荐客户不存在或已被删除。</translation>
    </message>
    <message>
        <source>The referring customer was referred by this customer, directly or through others; referrals cannot go round in a circle.</source>
        <translation>推荐客户本身是由此客户直接或间接推荐的；推荐关系不能形成循环。</translation>
    </message>
    <message>
        <source>The repeat rule does not know {name}; use FREQ, INTERVAL, COUNT or UNTIL.</source>
        <translation>重复规则不支持 {name}；请使用 FREQ、INTERVAL、COUNT 或 UNTIL。</translation>
    </message>
    <message>
        <source>The repeat rule is empty.</source>
        <translation>重复规则为空。</translation>
    </message>
    <message>
        <source>The repeat rule needs FREQ=DAILY, WEEKLY, MONTHLY or YEARLY.</source>
        <translation>重复规则须包含 FREQ=DAILY、WEEKLY、MONTHLY 或 YEARLY。</translation>
    </message>
    <message>
        <source>The score is from {lowest} to {highest}.</source>
        <translation>评分应为 {lowest} 至 {highest}。</translation>
    </message>
    <message>
        <source>The time must be between {earliest:%Y-%m-%d %H:%M %Z} and {latest:%Y-%m-%d %H:%M %Z}.</source>
        <translation>时间须在 {earliest:%Y-%m-%d %H:%M %Z} 至 {latest:%Y-%m-%d %H:%M %Z} 之间。</translation>
    </message>
    <message>
        <source>The time must include its time zone.</source>
        <translation>时间必须包含时区。</translation>
    </message>
    <message>
        <source>The unit price cannot be negative.</source>
        <translation>单价不能为负数。</translation>
    </message>
    <message>
        <source>The value must lie above 0 and at most {maximum}.</source>
        <translation>面额须大于 0 且不超过 {maximum}。</translation>
    </message>
    <message>
        <source>The window must be from {low} to {high} days long.</source>
        <translation>统计周期须为 {low} 至 {high} 天。</translation>
    </message>
    <message>
        <source>There is no column {keys}; the columns are {known}.</source>
        <translation>没有名为 {keys} 的列；可选的列有：{known}。</translation>
    </message>
    <message>
        <source>There is no sales rep called {name}.</source>
        <translation>没有名为 {name} 的业务员。</translation>
    </message>
    <message>
        <source>This coupon expired on {day}.</source>
        <translation>此优惠券已于 {day} 过期。</translation>
    </message>
    <message>
        <source>This coupon was already redeemed on {day}.</source>
        <translation>此优惠券已于 {day} 使用过。</translation>
    </message>
    <message>
        <source>This customer does not exist or was deleted.</source>
        <translation>该客户不存在或已被删除。</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>此项为必填项。</translation>
    </message>
    <message>
        <source>This follow-up is already done; only planned follow-ups can change.</source>
        <translation>该跟进已完成；只有待跟进的事项可以修改。</translation>
    </message>
    <message>
        <source>This follow-up was cancelled; only planned follow-ups can change.</source>
        <translation>该跟进已取消；只有待跟进的事项可以修改。</translation>
    </message>
    <message>
        <source>This sales rep does not exist or was deleted.</source>
        <translation>该业务员不存在或已被删除。</translation>
    </message>
    <message>
        <source>UNTIL must be a date written YYYYMMDD (20251231), not {value}.</source>
        <translation>UNTIL 必须是 YYYYMMDD 格式的日期（如 20251231），而不是 {value}。</translation>
    </message>
    <message>
        <source>a name that differs only in punctuation, spacing or width</source>
        <translation>名称仅在标点、空格或全半角上不同</translation>
    </message>
    <message>
        <source>row {row} of the file</source>
        <translation>文件第 {row} 行</translation>
    </message>
    <message>
        <source>the same code</source>
        <translation>编号相同</translation>
    </message>
    <message>
        <source>the same e-mail address</source>
        <translation>邮箱相同</translation>
    </message>
    <message>
        <source>the same name</source>
        <translation>名称相同</translation>
    </message>
    <message>
        <source>the same name and city</source>
        <translation>名称和城市相同</translation>
    </message>
    <message>
        <source>the same order number</source>
        <translation>订单号相同</translation>
    </message>
    <message>
        <source>the same phone number</source>
        <translation>电话相同</translation>
    </message>
    <message>
        <source>{complaints} complaint(s) over {orders} order(s).</source>
        <translation>{orders} 笔订单，{complaints} 次投诉。</translation>
    </message>
    <message>
        <source>{contacts} contact(s) and no revenue.</source>
        <translation>沟通和投诉共 {contacts} 次，但没有销售额。</translation>
    </message>
    <message>
        <source>{cost} contact(s) per 10,000 of revenue.</source>
        <translation>每万元销售额对应 {cost} 次沟通或投诉。</translation>
    </message>
    <message>
        <source>{count} order(s) since {first}.</source>
        <translation>自 {first} 起共 {count} 笔订单。</translation>
    </message>
    <message>
        <source>{count} orders over {days} days, about every {usual} days.</source>
        <translation>{days} 天内共 {count} 笔订单，约每 {usual} 天一笔。</translation>
    </message>
    <message>
        <source>{days} days late on average; {balance} overdue.</source>
        <translation>平均逾期 {days} 天付款；逾期未付 {balance}。</translation>
    </message>
    <message>
        <source>{name} ({code})</source>
        <translation>{name}（{code}）</translation>
    </message>
    <message>
        <source>{name} is given twice in the repeat rule.</source>
        <translation>重复规则中 {name} 出现了两次。</translation>
    </message>
    <message>
        <source>{name} must be a whole number from 1 to {maximum}, not {value}.</source>
        <translation>{name} 必须是 1 至 {maximum} 之间的整数，而不是 {value}。</translation>
    </message>
    <message>
        <source>{value} is not a frequency; use DAILY, WEEKLY, MONTHLY or YEARLY.</source>
        <translation>{value} 不是有效的频率；请使用 DAILY、WEEKLY、MONTHLY 或 YEARLY。</translation>
    </message>
    <message>
        <source>Type an amount such as 12.50.</source>
        <translation>请输入金额，例如 12.50。</translation>
    </message>
    <message>
        <source>Type a whole number such as 3 (negative for a return).</source>
        <translation>请输入整数，例如 3（退货填负数）。</translation>
    </message>
</context>
<context>
    <name>startup</name>
    <message>
        <source>crmdesk could not open its database.</source>
        <translation>crmdesk 无法打开数据库。</translation>
    </message>
</context>
</TS>
