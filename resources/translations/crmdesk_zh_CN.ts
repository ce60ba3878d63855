<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <source>crmdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers</source>
        <comment>tab: the list of all customers</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list of customers will appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <comment>tab: the full record of one customer</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile of the selected customer will appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <comment>tab: calendar of planned calls and visits</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calendar of follow-ups will appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaints</source>
        <comment>tab: handling of customer complaints</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaints and their handling will appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About crmdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: {location}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About crmdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>crmdesk {version}

An offline-first desktop CRM for small sales teams.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Someone else saved this record after you opened it. Nothing was overwritten; reload it to see their changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record no longer exists; someone may have deleted it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The complaint cannot move to that status from where it is now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is busy: another program is writing to it. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database cannot be changed: the file or its folder is read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full. Free some space and try again; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database file is damaged. Restore it from a backup copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This database was written by a newer crmdesk. Update crmdesk to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is not a crmdesk database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database could not be used.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <source>%n day(s)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>startup</name>
    <message>
        <source>crmdesk could not open its database.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
