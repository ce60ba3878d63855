<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ComplaintDialog</name>
    <message numerus="yes">
        <source>Due within %n hour(s), by {time} if taken in now</source>
        <translation>
            <numerusform>Due within %n hour, by {time} if taken in now</numerusform>
            <numerusform>Due within %n hours, by {time} if taken in now</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComplaintsTab</name>
    <message numerus="yes">
        <source>%n complaint(s)</source>
        <translation>
            <numerusform>%n complaint</numerusform>
            <numerusform>%n complaints</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomersTab</name>
    <message numerus="yes">
        <source>Give %n customer(s) to:</source>
        <translation>
            <numerusform>Give %n customer to:</numerusform>
            <numerusform>Give %n customers to:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tag for %n customer(s):</source>
        <translation>
            <numerusform>Tag for %n customer:</numerusform>
            <numerusform>Tag for %n customers:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n customer(s)? Their contacts, history, follow-ups and complaints disappear from every list with them.</source>
        <translation>
            <numerusform>Delete %n customer? Their contacts, history, follow-ups and complaints disappear from every list with them.</numerusform>
            <numerusform>Delete %n customers? Their contacts, history, follow-ups and complaints disappear from every list with them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message numerus="yes">
        <source>%n selected customer(s)</source>
        <translation>
            <numerusform>%n selected customer</numerusform>
            <numerusform>%n selected customers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KindSummary</name>
    <message numerus="yes">
        <source>Average {average} of %n answer(s)</source>
        <translation>
            <numerusform>Average {average} of %n answer</numerusform>
            <numerusform>Average {average} of %n answers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfileTab</name>
    <message numerus="yes">
        <source>%n order(s), cancelled ones not counted</source>
        <translation>
            <numerusform>%n order, cancelled ones not counted</numerusform>
            <numerusform>%n orders, cancelled ones not counted</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RepeatEditor</name>
    <message numerus="yes">
        <source> day(s)</source>
        <translation>
            <numerusform> day</numerusform>
            <numerusform> days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> week(s)</source>
        <translation>
            <numerusform> week</numerusform>
            <numerusform> weeks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> month(s)</source>
        <translation>
            <numerusform> month</numerusform>
            <numerusform> months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> year(s)</source>
        <translation>
            <numerusform> year</numerusform>
            <numerusform> years</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RfmSection</name>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n order</numerusform>
            <numerusform>%n orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Averages and scores over the %n customer(s) who ever ordered.</source>
        <translation>
            <numerusform>Averages and scores over the %n customer who ever ordered.</numerusform>
            <numerusform>Averages and scores over the %n customers who ever ordered.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Hours</name>
    <message numerus="yes">
        <source>%n hour(s) left</source>
        <translation>
            <numerusform>%n hour left</numerusform>
            <numerusform>%n hours left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) overdue</source>
        <translation>
            <numerusform>%n hour overdue</numerusform>
            <numerusform>%n hours overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_Units</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
</TS>
