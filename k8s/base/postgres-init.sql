-- One database per service (docs/architecture.md: no service reads another's database).
create database kelas_auth;
create database kelas_learning;
create database kelas_lab;
create database kelas_notification;
