-- One database per service (DESIGN.md section 7).
create database kelas_auth;
create database kelas_learning;
create database kelas_lab;
create database kelas_notification;
