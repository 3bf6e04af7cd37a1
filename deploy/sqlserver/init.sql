-- Prepares SQL Server for the app; run once by docker-compose.yml's db-init service, or by a DBA:
--   sqlcmd -b -S server -U admin -i init.sql -v DatabaseName=Commissioning AppLogin=commissioning_app AppPassword="..."
-- Safe to run again: each step checks first. (The password is pasted in as text by sqlcmd: no single quotes in it.)

IF DB_ID(N'$(DatabaseName)') IS NULL
    CREATE DATABASE [$(DatabaseName)];
GO

-- Readers never wait for writers. Switching it needs the database to itself, so it cannot be done by a
-- migration (which runs in a transaction, with the app connected); it is done here, before the app starts.
IF EXISTS (SELECT 1 FROM sys.databases WHERE name = N'$(DatabaseName)' AND is_read_committed_snapshot_on = 0)
    ALTER DATABASE [$(DatabaseName)] SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE;
GO

-- The app's own login, not sa: a leaked connection string gives one database, not the server.
IF SUSER_ID(N'$(AppLogin)') IS NULL
    CREATE LOGIN [$(AppLogin)] WITH PASSWORD = N'$(AppPassword)', DEFAULT_DATABASE = [$(DatabaseName)], CHECK_POLICY = ON;
ELSE
    ALTER LOGIN [$(AppLogin)] WITH PASSWORD = N'$(AppPassword)';
GO

USE [$(DatabaseName)];
GO

IF DATABASE_PRINCIPAL_ID(N'$(AppLogin)') IS NULL
    CREATE USER [$(AppLogin)] FOR LOGIN [$(AppLogin)] WITH DEFAULT_SCHEMA = dbo;
GO

-- Only what the app does: read and write its data, and apply its own migrations at start-up
-- (db_ddladmin creates and alters tables and indexes; it cannot grant rights or touch other databases).
ALTER ROLE db_datareader ADD MEMBER [$(AppLogin)];
ALTER ROLE db_datawriter ADD MEMBER [$(AppLogin)];
ALTER ROLE db_ddladmin ADD MEMBER [$(AppLogin)];
GO
